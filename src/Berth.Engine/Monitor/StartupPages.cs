using System.Runtime.InteropServices;
using Berth.Engine.Interop;

namespace Berth.Engine.Monitor;

/// <summary>
/// Lets go of the page-table entries of the code and read-only data that berth-monitor touched while it
/// started (linked into berth-monitor; berth itself does not call it).
/// <para>
/// Most of a fresh process's resident set is clean, file-backed pages: libc, libm, ld.so and the monitor's own
/// text, mapped 64 kB at a time (the kernel's fault-around) while the .NET runtime starts and the container is
/// created. The monitor needs few of them while it waits in poll(2). madvise(MADV_DONTNEED) on a mapping that
/// holds only such pages unmaps them from this process; the pages stay in the page cache (libc's are everyone's)
/// and a page used again is mapped again from there, unchanged. conmon gets the same effect from the fork after
/// its start: a child does not inherit the page-table entries of file mappings (the kernel's copy_page_range).
/// </para>
/// <para>
/// Only mappings that are file-backed, not writable and hold no anonymous (copied-on-write) page are released:
/// for those, dropping an entry cannot lose a byte. The RELRO pages of a library (written by the loader, then
/// made read-only) are anonymous and are kept. The list comes from /proc/self/smaps, see proc(5), read through a
/// stack buffer so that the release itself adds nothing to the heap.
/// </para>
/// </summary>
internal static unsafe partial class StartupPages
{
    private const int MADV_DONTNEED = 4;
    private const int BufferSize = 8192;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint addr, nuint length, int advice);

    /// <summary>Releases every clean file-backed mapping; the bytes released (0 when /proc/self/smaps is not readable).</summary>
    public static long Release()
    {
        int fd = Spawn.open("/proc/self/smaps", Spawn.O_RDONLY | Spawn.O_CLOEXEC, 0);
        if (fd < 0) return 0;
        long released = 0;
        var scanner = new SmapsScanner();
        byte* buffer = stackalloc byte[BufferSize];
        int filled = 0;
        bool skipToNewline = false; // the rest of a line longer than the buffer
        try
        {
            while (true)
            {
                nint n = Spawn.read(fd, buffer + filled, BufferSize - filled);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) break;
                filled += (int)n;
                var data = new Span<byte>(buffer, filled);
                int consumed = 0;
                while (true)
                {
                    int newline = data[consumed..].IndexOf((byte)'\n');
                    if (newline < 0) break;
                    if (!skipToNewline) released += Feed(ref scanner, data.Slice(consumed, newline));
                    skipToNewline = false;
                    consumed += newline + 1;
                }
                if (consumed == 0 && filled == BufferSize)
                {
                    released += Feed(ref scanner, data); // only the line's start (range, perms, path) matters
                    skipToNewline = true;
                    consumed = filled;
                }
                data[consumed..].CopyTo(data);
                filled -= consumed;
            }
        }
        finally
        {
            Spawn.close(fd);
        }
        return released;
    }

    private static long Feed(ref SmapsScanner scanner, ReadOnlySpan<byte> line)
    {
        if (!scanner.Line(line, out long start, out long end)) return 0;
        return madvise((nint)start, (nuint)(end - start), MADV_DONTNEED) == 0 ? end - start : 0;
    }
}

/// <summary>
/// Reads smaps(5) line by line and says which mappings are file-backed (an absolute path), not writable and
/// have "Anonymous: 0 kB": those whose page-table entries can be dropped without losing data.
/// </summary>
internal struct SmapsScanner
{
    private long _start, _end;
    private bool _candidate;

    /// <summary>Takes one line (no newline); true, with the mapping's range, on the line that shows it is clean.</summary>
    public bool Line(ReadOnlySpan<byte> line, out long start, out long end)
    {
        start = end = 0;
        if (Header(line, out long s, out long e, out bool fileReadOnly))
        {
            (_start, _end, _candidate) = (s, e, fileReadOnly);
            return false;
        }
        if (!_candidate || !line.StartsWith("Anonymous:"u8)) return false;
        _candidate = false;
        var value = line["Anonymous:"u8.Length..].Trim((byte)' ');
        if (!value.SequenceEqual("0 kB"u8)) return false;
        (start, end) = (_start, _end);
        return true;
    }

    /// <summary>"start-end perms offset dev inode [path]": a header when it starts with two hex addresses.</summary>
    private static bool Header(ReadOnlySpan<byte> line, out long start, out long end, out bool fileReadOnly)
    {
        end = 0;
        fileReadOnly = false;
        int dash = line.IndexOf((byte)'-');
        int space = line.IndexOf((byte)' ');
        if (!Hex(line[..Math.Max(dash, 0)], out start) || space <= dash || !Hex(line[(dash + 1)..space], out end)) return false;
        var perms = line[(space + 1)..];
        fileReadOnly = perms.Length > 4 && perms[1] == (byte)'-' && line.IndexOf((byte)'/') > space && !line.EndsWith(" (deleted)"u8);
        return true;
    }

    private static bool Hex(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.Length is 0 or > 16) return false;
        foreach (byte b in digits)
        {
            int d = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10 : -1;
            if (d < 0) return false;
            value = value << 4 | (long)d;
        }
        return true;
    }
}
