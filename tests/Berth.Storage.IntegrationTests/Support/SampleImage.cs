using Berth.Storage.Layers;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.IntegrationTests.Support;

/// <summary>
/// Three small layers, unpacked into a LayerStore under /tmp/berth-test-*:
/// base (files with owners, modes, xattrs, a hard link, devices), caps (a file with a binary security.capability
/// holding a byte ≥ 0x80), top (a whiteout, an opaque directory, new files).
/// </summary>
internal static class SampleImage
{
    /// <summary>VFS_CAP_REVISION_2, permitted = CAP_SETUID (bit 7) | CAP_NET_RAW (bit 13).</summary>
    public static readonly byte[] Capability = [0x00, 0x00, 0x00, 0x02, 0x80, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] BaseLayer() => new LayerBuilder()
        .Dir("etc").File("etc/passwd", "root:x:0:0::/root:/bin/sh\n").File("etc/motd", "hello\n").File("etc/removed-later", "x")
        .Dir("bin").File("bin/tool", "#!/bin/sh\n", mode: 0x1ED, uid: 1000, gid: 1001,
            xattrs: new Dictionary<string, string> { ["user.note"] = "base" })
        .Hardlink("bin/tool-link", "bin/tool").File("bin/su", "su", mode: 0x9ED)
        .Dir("tmp", mode: 0x3FF)
        .Dir("usr/share/doc").File("usr/share/doc/a.txt", "a").File("usr/share/doc/b.txt", "b")
        .Dir("dev").CharDevice("dev/null", 1, 3).Dir("run").Fifo("run/fifo")
        .Symlink("lib", "usr/lib").Build();

    public static byte[] CapsLayer() => new RawTar()
        .PaxEntry("bin/ping", '0', [("SCHILY.xattr.security.capability", Capability)], "ping"u8.ToArray()).End();

    public static byte[] TopLayer() => new LayerBuilder()
        .Whiteout("etc/motd").Whiteout("etc/removed-later")
        .Dir("usr/share/doc").Opaque("usr/share/doc").File("usr/share/doc/c.txt", "c")
        .File("etc/hostname", "box\n").Build();

    public static async Task<IReadOnlyList<string>> UnpackAllAsync(LayerStore store)
    {
        var diffIds = new List<string>();
        foreach (byte[] tar in new[] { BaseLayer(), CapsLayer(), TopLayer() })
        {
            string diffId = LayerBuilder.DiffId(tar);
            byte[] blob = LayerBuilder.Gzip(tar);
            await store.EnsureUnpackedAsync(diffId, () => new MemoryStream(blob), LayerMediaType.OciTarGzip, CancellationToken.None);
            diffIds.Add(diffId);
        }
        return diffIds;
    }
}
