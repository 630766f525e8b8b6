namespace Berth.Storage.Layers.Tar;

/// <summary>
/// One entry of a layer archive after the ustar header, GNU long-name records and the PAX extended header that
/// precede it have been merged. <see cref="Mode"/> holds the permission bits with setuid/setgid/sticky (07777);
/// <see cref="Xattrs"/> holds the raw bytes of each <c>SCHILY.xattr.NAME</c> PAX record (binary values such as
/// security.capability are kept byte for byte).
/// </summary>
public sealed record TarEntryHeader(
    string Name,
    TarEntryKind Kind,
    string LinkName,
    uint Mode,
    uint Uid,
    uint Gid,
    long Size,
    long MtimeSeconds,
    uint MtimeNanoseconds,
    uint DeviceMajor,
    uint DeviceMinor,
    IReadOnlyDictionary<string, byte[]> Xattrs);
