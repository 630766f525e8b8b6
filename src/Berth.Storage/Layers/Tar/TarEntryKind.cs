namespace Berth.Storage.Layers.Tar;

/// <summary>The kinds of file a layer tar can carry (tar typeflags '0'..'6').</summary>
public enum TarEntryKind
{
    File,
    Directory,
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo,
}
