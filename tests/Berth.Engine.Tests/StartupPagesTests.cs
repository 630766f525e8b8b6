using System.Text;
using Berth.Engine.Monitor;

namespace Berth.Engine.Tests;

/// <summary>berth-monitor's release of its start-up pages: which smaps(5) mappings may be dropped, and a real release.</summary>
public class StartupPagesTests
{
    private const string Smaps = """
        00400000-00401000 r--p 00000000 08:01 100                                /usr/bin/berth-monitor
        Size:                  4 kB
        Rss:                   4 kB
        Anonymous:             0 kB
        VmFlags: rd mr mw me dw
        00401000-00600000 r-xp 00001000 08:01 100                                /usr/bin/berth-monitor
        Rss:                 936 kB
        Anonymous:             0 kB
        00800000-00838000 rw-p 00400000 08:01 100                                /usr/bin/berth-monitor
        Rss:                 228 kB
        Anonymous:           228 kB
        01d5b000-01d7c000 rw-p 00000000 00:00 0                                  [heap]
        Anonymous:            84 kB
        7f2a1c028000-7f2a1c17d000 r-xp 00028000 08:01 200                        /usr/lib/x86_64-linux-gnu/libc.so.6
        Rss:                1112 kB
        Anonymous:             0 kB
        7f2a1c1d1000-7f2a1c1d5000 r--p 001d0000 08:01 200                        /usr/lib/x86_64-linux-gnu/libc.so.6
        Rss:                  16 kB
        Anonymous:            16 kB
        7f2a1c300000-7f2a1c310000 r-xp 00000000 08:01 300                        /tmp/old (deleted)
        Anonymous:             0 kB
        7ffc8a5f7000-7ffc8a5f9000 r-xp 00000000 00:00 0                          [vdso]
        Anonymous:             0 kB
        """;

    [Fact]
    public void OnlyCleanReadOnlyFileMappingsAreReleased()
    {
        var scanner = new SmapsScanner();
        var ranges = new List<(long, long)>();
        foreach (var line in Smaps.Split('\n'))
        {
            if (scanner.Line(Encoding.ASCII.GetBytes(line), out long start, out long end)) ranges.Add((start, end));
        }
        // Not: the binary's data (writable), the heap, libc's RELRO (anonymous pages), a deleted file, the vDSO.
        Assert.Equal([(0x400000L, 0x401000L), (0x401000L, 0x600000L), (0x7f2a1c028000L, 0x7f2a1c17d000L)], ranges);
    }

    [Fact]
    public void AWritableMappingIsKeptEvenWithoutAnonymousPages()
    {
        var scanner = new SmapsScanner();
        Assert.False(scanner.Line("7f0000000000-7f0000001000 rw-p 00000000 08:01 5 /lib/x.so"u8, out _, out _));
        Assert.False(scanner.Line("Anonymous:             0 kB"u8, out _, out _));
    }

    [Fact]
    public void AReleaseLetsGoOfResidentFilePages() // and this test process, its code released under it, runs on
    {
        long before = CleanFileRssKb();
        long released = StartupPages.Release();
        long after = CleanFileRssKb();
        Assert.True(released > 0, "nothing released");
        Assert.True(after < before / 2, $"clean file-backed RSS {before} kB before, {after} kB after");
    }

    /// <summary>Rss of this process's not-writable file mappings (the ones a release may drop).</summary>
    private static long CleanFileRssKb()
    {
        long total = 0;
        bool candidate = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-') && !fields[0].EndsWith(':')) candidate = fields.Length >= 6 && fields[1][1] == '-' && fields[5].StartsWith('/');
            else if (candidate && fields[0] == "Rss:") total += long.Parse(fields[1]);
        }
        return total;
    }
}
