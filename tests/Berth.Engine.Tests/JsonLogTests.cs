using System.Text;
using Berth.Engine.Logs;

namespace Berth.Engine.Tests;

public class JsonLogTests
{
    [Fact]
    public void EncodesDockersJsonFileLine()
    {
        byte[] dest = new byte[512];
        int n = JsonLogWriter.Encode("a \"q\" \\ <&>\t\u0001é\n"u8, 1, new DateTime(2024, 1, 2, 3, 4, 5, 120, DateTimeKind.Utc), dest);
        Assert.Equal("{\"log\":\"a \\\"q\\\" \\\\ \\u003c\\u0026\\u003e\\t\\u0001é\\n\",\"stream\":\"stderr\",\"time\":\"2024-01-02T03:04:05.12Z\"}\n", Encoding.UTF8.GetString(dest, 0, n));
    }

    [Fact]
    public void TimeDropsTrailingZerosLikeRfc3339Nano()
    {
        byte[] dest = new byte[64];
        Assert.Equal("2024-01-02T03:04:05Z", Encoding.ASCII.GetString(dest, 0, JsonLogWriter.FormatTime(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), dest)));
    }

    [Fact]
    public void LinesRoundTripThroughTheReader()
    {
        using var dir = new TempDirectory();
        string log = dir.Combine("c-json.log");
        using (var writer = new JsonLogWriter(log, 1 << 20, 3))
        {
            writer.Append(0, "one\ntw"u8);
            writer.Append(1, "err\n"u8);
            writer.Append(0, "o\nno newline"u8);
        }
        var entries = JsonLogReader.ReadAll(log);
        Assert.Equal(["one\n", "err\n", "two\n", "no newline"], entries.Select(e => Encoding.UTF8.GetString(e.Data)));
        Assert.Equal([0, 1, 0, 0], entries.Select(e => e.Stream));
        Assert.All(entries, e => Assert.EndsWith("Z", e.Time));
    }

    [Fact]
    public void LongLinesAreSplitAt16KiB()
    {
        using var dir = new TempDirectory();
        string log = dir.Combine("c-json.log");
        using (var writer = new JsonLogWriter(log, 1 << 24, 1)) writer.Append(0, Encoding.ASCII.GetBytes(new string('x', JsonLogWriter.MaxLine + 10) + "\n"));
        var entries = JsonLogReader.ReadAll(log);
        Assert.Equal(2, entries.Count);
        Assert.Equal(JsonLogWriter.MaxLine, entries[0].Data.Length);
        Assert.Equal(11, entries[1].Data.Length);
    }

    [Fact]
    public void RotatesBySizeKeepingMaxFiles()
    {
        using var dir = new TempDirectory();
        string log = dir.Combine("c-json.log");
        using (var writer = new JsonLogWriter(log, 1000, 3))
        {
            for (int i = 0; i < 100; i++) writer.Append(0, Encoding.ASCII.GetBytes($"line {i:D3}\n"));
        }
        Assert.True(File.Exists(log + ".1"));
        Assert.True(File.Exists(log + ".2"));
        Assert.False(File.Exists(log + ".3"));
        Assert.All(new[] { log, log + ".1", log + ".2" }, f => Assert.True(new FileInfo(f).Length <= 1000));
        var lines = JsonLogReader.ReadAll(log).Select(e => Encoding.ASCII.GetString(e.Data)).ToList();
        Assert.Equal("line 099\n", lines[^1]);
        Assert.Equal(lines.OrderBy(l => l, StringComparer.Ordinal), lines);
        Assert.True(lines.Count < 100);
    }

    [Fact]
    public void FollowSeesAppendsUntilStopped()
    {
        using var dir = new TempDirectory();
        string log = dir.Combine("c-json.log");
        var seen = new List<string>();
        using var writer = new JsonLogWriter(log, 1 << 20, 1);
        writer.Append(0, "before\n"u8);
        int polls = 0;
        JsonLogReader.Follow(log, new FileInfo(log).Length, () =>
        {
            if (++polls == 2) writer.Append(1, "during\n"u8);
            return polls < 3;
        }, e => seen.Add(Encoding.UTF8.GetString(e.Data)), CancellationToken.None);
        Assert.Equal(["during\n"], seen);
    }

    [Fact]
    public void UnparsableLinesAreSkipped() => Assert.Null(JsonLogReader.Parse("not json"u8));
}
