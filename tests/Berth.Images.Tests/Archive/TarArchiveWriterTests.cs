using System.Formats.Tar;
using Berth.Images.Archive;

namespace Berth.Images.Tests.Archive;

public class TarArchiveWriterTests
{
    [Fact]
    public async Task Entries_read_back_with_system_formats_tar_including_long_names_and_streamed_data()
    {
        using var output = new MemoryStream();
        var writer = new TarArchiveWriter(output);
        string longName = string.Join('/', Enumerable.Repeat("directory", 14)) + "/file.json";
        writer.WriteDirectory("blobs");
        writer.WriteFile(longName, "{}"u8);
        var (size, sha) = await writer.WriteFileAsync("streamed", new MemoryStream(new byte[1000]), default);
        writer.Finish();
        Assert.Equal(1000, size);
        Assert.Equal("sha256:541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53", sha);
        output.Position = 0;
        using var reader = new TarReader(output);
        var entries = new List<(string, TarEntryType, long)>();
        while (reader.GetNextEntry() is { } e) entries.Add((e.Name, e.EntryType, e.Length));
        Assert.Equal([("blobs/", TarEntryType.Directory, 0L), (longName, TarEntryType.RegularFile, 2L), ("streamed", TarEntryType.RegularFile, 1000L)], entries);
        Assert.Equal(0, output.Length % 512);
    }

    [Fact]
    public void Sizes_of_8_GiB_and_more_use_base_256()
    {
        byte[] header = TarArchiveWriter.Header("big", 10L << 30, '0', 0x1A4);
        Assert.Equal(0x80, header[124]);
        Assert.Equal(10L << 30, header.AsSpan(125, 11).ToArray().Aggregate(0L, (acc, b) => acc << 8 | b));
        Assert.Equal("00000001750\0"u8.ToArray(), TarArchiveWriter.Header("small", 1000, '0', 0x1A4)[124..136]);
    }

    [Theory]
    [InlineData("./manifest.json", "manifest.json")]
    [InlineData("/a//b/./c", "a/b/c")]
    [InlineData("a/../../etc/passwd", "etc/passwd")]
    [InlineData("x/y/../layer.tar", "x/layer.tar")]
    public void Entry_names_are_normalised_and_never_climb_out(string name, string expected) =>
        Assert.Equal(expected, ArchiveStaging.Normalize(name));
}
