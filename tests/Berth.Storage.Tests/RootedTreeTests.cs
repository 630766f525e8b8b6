using Berth.Storage.Copy;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.Tests;

public class RootedTreeTests
{
    /// <summary>A small rootfs: /data (0750) with a file (0640), a subdirectory, a relative symlink and a hard link; /etc-link → /data absolute.</summary>
    private static string Rootfs(TempDirectory dir)
    {
        string root = dir.CreateSubdirectory("rootfs");
        Directory.CreateDirectory(Path.Combine(root, "data", "sub"));
        File.WriteAllText(Path.Combine(root, "data", "file"), "hello");
        File.SetUnixFileMode(Path.Combine(root, "data", "file"), (UnixFileMode)0x1A0);
        File.WriteAllText(Path.Combine(root, "data", "sub", "deep"), "deep");
        File.CreateSymbolicLink(Path.Combine(root, "data", "link"), "file");
        Assert.Equal(0, Berth.Storage.Interop.Libc.linkat(Berth.Storage.Interop.Fs.AT_FDCWD, Path.Combine(root, "data", "file"), Berth.Storage.Interop.Fs.AT_FDCWD, Path.Combine(root, "data", "hard"), 0));
        File.SetUnixFileMode(Path.Combine(root, "data"), (UnixFileMode)0x1E8);
        File.CreateSymbolicLink(Path.Combine(root, "abs"), "/data");
        File.CreateSymbolicLink(Path.Combine(root, "escape"), "../../../../..");
        return root;
    }

    [Fact]
    public void CopyUpFillsAnEmptyVolumeWithModesLinksAndTheTopDirectorysMode()
    {
        using var dir = new TempDirectory();
        string root = Rootfs(dir), volume = dir.CreateSubdirectory("volume");
        Assert.True(RootedTree.CopyUp(root, "/abs", volume));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(volume, "file")));
        Assert.Equal("deep", File.ReadAllText(Path.Combine(volume, "sub", "deep")));
        Assert.Equal("file", new FileInfo(Path.Combine(volume, "link")).LinkTarget);
        Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(Path.Combine(volume, "file")));
        Assert.Equal((UnixFileMode)0x1E8, File.GetUnixFileMode(volume));
        Assert.Equal(2u, FileFacts.MustStat(Path.Combine(volume, "hard")).LinkCount);
    }

    [Fact]
    public void CopyUpLeavesANonEmptyVolumeAndAMissingPathAlone()
    {
        using var dir = new TempDirectory();
        string root = Rootfs(dir), volume = dir.CreateSubdirectory("volume");
        File.WriteAllText(Path.Combine(volume, "mine"), "x");
        Assert.False(RootedTree.CopyUp(root, "/data", volume));
        Assert.Equal(["mine"], Directory.GetFileSystemEntries(volume).Select(Path.GetFileName));
        string empty = dir.CreateSubdirectory("empty");
        Assert.False(RootedTree.CopyUp(root, "/no/such", empty));
        Assert.False(RootedTree.CopyUp(root, "/data/file", empty));
        Assert.Empty(Directory.GetFileSystemEntries(empty));
    }

    [Fact]
    public void PathsResolveInsideTheTree()
    {
        using var dir = new TempDirectory();
        string root = Rootfs(dir);
        Assert.Equal(new TreeEntry(true, false, "/data"), RootedTree.Stat(root, "/abs", followLink: true));
        Assert.Equal(new TreeEntry(false, true, "/abs"), RootedTree.Stat(root, "/abs", followLink: false));
        // "../../../.." from the tree's top is still its top: the host's / is never reached.
        Assert.Equal("/", RootedTree.Stat(root, "/escape", followLink: true)!.ResolvedPath);
        Assert.Null(RootedTree.Stat(root, "/escape/etc/passwd", followLink: false));
        Assert.True(RootedTree.Stat(root, "/abs/sub", followLink: false)!.IsDirectory);
    }

    [Fact]
    public async Task ArchiveRoundTripRenamesTheTopEntryAndKeepsSymlinks()
    {
        using var dir = new TempDirectory();
        string root = Rootfs(dir), target = dir.CreateSubdirectory("target");
        var tar = new MemoryStream();
        RootedTree.WriteArchive(root, "/data", followLink: false, "copy", tar);
        tar.Position = 0;
        await RootedTree.ExtractArchiveAsync(tar, target, "/", applyOwners: false, CancellationToken.None);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "copy", "file")));
        Assert.Equal("file", new FileInfo(Path.Combine(target, "copy", "link")).LinkTarget);
        Assert.Equal(2u, FileFacts.MustStat(Path.Combine(target, "copy", "hard")).LinkCount);
        Assert.Equal((UnixFileMode)0x1E8, File.GetUnixFileMode(Path.Combine(target, "copy")));

        var contents = new MemoryStream();
        RootedTree.WriteArchive(root, "/data", followLink: false, "", contents);
        contents.Position = 0;
        string flat = dir.CreateSubdirectory("flat");
        await RootedTree.ExtractArchiveAsync(contents, flat, "/", applyOwners: false, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(flat, "sub", "deep")));
    }

    [Fact]
    public async Task ExtractionStaysInsideTheTreeAndKeepsWhiteoutNamesAsFiles()
    {
        using var dir = new TempDirectory();
        string root = Rootfs(dir);
        // The archive goes into /abs (→ /data inside the tree), and its "up/x" goes through a symlink that climbs: still inside.
        var tar = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
        {
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, ".wh.plain") { DataStream = new MemoryStream("w"u8.ToArray()) });
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "up") { LinkName = "/../../../.." });
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "up/berth-test-escaped") { DataStream = new MemoryStream("x"u8.ToArray()) });
        }
        tar.Position = 0;
        await RootedTree.ExtractArchiveAsync(tar, root, "/abs", applyOwners: false, CancellationToken.None);
        Assert.Equal("w", File.ReadAllText(Path.Combine(root, "data", ".wh.plain")));
        // Entries resolve inside the directory unpacked into (stricter than the container's root): "up" is /data itself.
        Assert.True(File.Exists(Path.Combine(root, "data", "berth-test-escaped")));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "berth-test-escaped")));
        Assert.False(File.Exists("/berth-test-escaped"));
    }
}
