using System.Formats.Tar;
using Berth.Storage.Layers.Tar;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.Tests;

public class LayerTarReaderTests
{
    private static async Task<List<TarEntryHeader>> ReadAll(byte[] tar)
    {
        var reader = new LayerTarReader(new MemoryStream(tar));
        var entries = new List<TarEntryHeader>();
        while (await reader.ReadNextAsync(CancellationToken.None) is { } entry)
        {
            entries.Add(entry);
        }
        return entries;
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public async Task Reads_long_names_in_each_format(TarEntryFormat format)
    {
        string longName = string.Join('/', Enumerable.Repeat("directory-name-0123456789", 8)) + "/file";
        string longTarget = string.Join('/', Enumerable.Repeat("target-0123456789", 8));
        var tar = new LayerBuilder(format).File(longName, "x").Symlink("link", longTarget).Build();
        var entries = await ReadAll(tar);
        Assert.Equal(longName, entries[0].Name);
        Assert.Equal(longTarget, entries[1].LinkName);
        Assert.Equal(TarEntryKind.Symlink, entries[1].Kind);
    }

    [Fact]
    public async Task Joins_the_ustar_prefix_and_name()
    {
        string name = string.Join('/', Enumerable.Repeat("dir-0123456789", 10)) + "/file";
        var entry = Assert.Single(await ReadAll(new LayerBuilder(TarEntryFormat.Ustar).File(name).Build()));
        Assert.Equal(name, entry.Name);
    }

    [Fact]
    public async Task Keeps_binary_xattr_values_byte_for_byte()
    {
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x80, 0xff, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var tar = new RawTar().PaxEntry("bin/ping", '0', [("SCHILY.xattr.security.capability", capability)]).End();
        var entry = Assert.Single(await ReadAll(tar));
        Assert.Equal(capability, entry.Xattrs["security.capability"]);
    }

    [Fact]
    public async Task Pax_records_override_the_header()
    {
        var tar = new RawTar().PaxEntry("short", '0',
            [("path", "a/much/longer/name"u8.ToArray()), ("uid", "100000"u8.ToArray()), ("mtime", "1700000000.25"u8.ToArray())]).End();
        var entry = Assert.Single(await ReadAll(tar));
        Assert.Equal("a/much/longer/name", entry.Name);
        Assert.Equal(100000u, entry.Uid);
        Assert.Equal(1700000000, entry.MtimeSeconds);
        Assert.Equal(250000000u, entry.MtimeNanoseconds);
    }

    [Fact]
    public async Task Reads_base256_numbers()
    {
        var tar = new RawTar().Entry("big-uid", '0', patch: h =>
        {
            Array.Clear(h, 108, 8);
            h[108] = 0x80;
            h[114] = 0x01;
            h[115] = 0x00; // 0x100 = 256 in base-256
        }).End();
        Assert.Equal(256u, Assert.Single(await ReadAll(tar)).Uid);
    }

    [Fact]
    public async Task Mode_keeps_setuid_setgid_and_sticky()
    {
        var tar = new LayerBuilder().File("su", mode: 0xDED).Build(); // 06755
        Assert.Equal(0xDEDu, Assert.Single(await ReadAll(tar)).Mode);
    }

    [Fact]
    public async Task A_bad_checksum_is_a_corrupt_archive()
    {
        var tar = new LayerBuilder().File("a", "hello").Build();
        tar[10] ^= 0x55;
        var error = await Assert.ThrowsAsync<Berth.Storage.LayerUnpackException>(() => ReadAll(tar));
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public async Task A_truncated_archive_says_so()
    {
        var tar = new LayerBuilder().File("a", new string('x', 5000)).Build();
        var error = await Assert.ThrowsAsync<Berth.Storage.LayerUnpackException>(() => ReadAll(tar[..2048]));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("\"a\"", error.Message);
    }

    [Fact]
    public async Task A_missing_end_marker_is_truncation()
    {
        var tar = new LayerBuilder().File("a", "x").Build();
        await Assert.ThrowsAsync<Berth.Storage.LayerUnpackException>(() => ReadAll(tar[..1024]));
    }

    [Fact]
    public async Task Sparse_files_are_rejected()
    {
        var tar = new RawTar().Entry("sparse", 'S').End();
        var error = await Assert.ThrowsAsync<Berth.Storage.LayerUnpackException>(() => ReadAll(tar));
        Assert.Contains("sparse", error.Message);
    }

    [Fact]
    public async Task Reads_devices_and_fifos()
    {
        var entries = await ReadAll(new LayerBuilder().CharDevice("dev/null", 1, 3).Fifo("run/fifo").Build());
        Assert.Equal((TarEntryKind.CharDevice, 1u, 3u), (entries[0].Kind, entries[0].DeviceMajor, entries[0].DeviceMinor));
        Assert.Equal(TarEntryKind.Fifo, entries[1].Kind);
    }
}
