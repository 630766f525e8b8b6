using Berth.Storage.FileSystem;
using Berth.Storage.Interop;

namespace Berth.Storage.Snapshots;

/// <summary>Sums allocated bytes and inodes of a tree without following symlinks, counting hard links once.</summary>
internal static class UsageCounter
{
    public static SnapshotUsage Measure(string directory)
    {
        var seen = new HashSet<ulong>();
        long bytes = 0, inodes = 0;
        using var root = Fs.Open(directory, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW);
        Walk(root, seen, ref bytes, ref inodes);
        return new SnapshotUsage(bytes, inodes);
    }

    private static void Walk(FileDescriptor dir, HashSet<ulong> seen, ref long bytes, ref long inodes)
    {
        foreach (string name in TreeRemover.ListNames(dir))
        {
            var stat = Fs.TryStat(dir.Fd, name);
            if (stat is not { } s || !seen.Add(s.Inode))
            {
                continue;
            }
            inodes++;
            bytes += (long)s.Blocks * 512;
            if (s.IsDirectory)
            {
                using var child = Fs.OpenAt(dir.Fd, name, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW);
                Walk(child, seen, ref bytes, ref inodes);
            }
        }
    }
}
