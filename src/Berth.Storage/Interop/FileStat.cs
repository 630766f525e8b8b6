namespace Berth.Storage.Interop;

/// <summary>What statx(2) says about one file (not following a final symlink).</summary>
internal readonly record struct FileStat(
    uint Mode, uint Uid, uint Gid, ulong Inode, uint DeviceMajor, uint DeviceMinor, uint RdevMajor, uint RdevMinor,
    uint LinkCount, ulong Size, ulong Blocks, long MtimeSeconds, uint MtimeNanoseconds)
{
    internal const uint S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;
    internal const uint S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFIFO = 0x1000, S_IFSOCK = 0xC000;

    internal uint Type => Mode & S_IFMT;
    internal uint Permissions => Mode & 0xFFF;
    internal bool IsDirectory => Type == S_IFDIR;
    internal bool IsRegular => Type == S_IFREG;
    internal bool IsSymlink => Type == S_IFLNK;

    /// <summary>overlayfs marks a deleted lower file with a character device 0:0 in the upper/layer directory.</summary>
    internal bool IsOverlayWhiteout => Type == S_IFCHR && RdevMajor == 0 && RdevMinor == 0;

    internal static unsafe FileStat FromStatx(byte* b) => new(
        Mode: *(ushort*)(b + 28), Uid: *(uint*)(b + 20), Gid: *(uint*)(b + 24), Inode: *(ulong*)(b + 32),
        DeviceMajor: *(uint*)(b + 136), DeviceMinor: *(uint*)(b + 140),
        RdevMajor: *(uint*)(b + 128), RdevMinor: *(uint*)(b + 132), LinkCount: *(uint*)(b + 16),
        Size: *(ulong*)(b + 40), Blocks: *(ulong*)(b + 48),
        MtimeSeconds: *(long*)(b + 112), MtimeNanoseconds: *(uint*)(b + 120));
}
