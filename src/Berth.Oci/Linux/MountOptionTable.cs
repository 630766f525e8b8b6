using static Berth.Oci.Linux.MountAttributes;
using static Berth.Oci.Linux.MountSyscallFlags;

namespace Berth.Oci.Linux;

/// <summary>
/// Every mount option word Berth understands, with what it does: runc's mountFlags,
/// mountPropagationMapping, recAttrFlags, extensionFlags and complexFlags tables in one place.
/// A word not in this table is filesystem data ("mode=755", "size=65536k").
/// </summary>
public static class MountOptionTable
{
    private static readonly Dictionary<string, MountOptionEntry> Entries = new(StringComparer.Ordinal)
    {
        ["async"] = Clears(MS_SYNCHRONOUS),
        ["atime"] = Clears(MS_NOATIME),
        ["bind"] = Sets(MS_BIND),
        ["defaults"] = new(MountOptionKind.None, false, 0),
        ["dev"] = Clears(MS_NODEV),
        ["diratime"] = Clears(MS_NODIRATIME),
        ["dirsync"] = Sets(MS_DIRSYNC),
        ["exec"] = Clears(MS_NOEXEC),
        ["iversion"] = Sets(MS_I_VERSION),
        ["lazytime"] = Sets(MS_LAZYTIME),
        ["loud"] = Clears(MS_SILENT),
        ["mand"] = Sets(MS_MANDLOCK),
        ["noatime"] = Sets(MS_NOATIME),
        ["nodev"] = Sets(MS_NODEV),
        ["nodiratime"] = Sets(MS_NODIRATIME),
        ["noexec"] = Sets(MS_NOEXEC),
        ["noiversion"] = Clears(MS_I_VERSION),
        ["nolazytime"] = Clears(MS_LAZYTIME),
        ["nomand"] = Clears(MS_MANDLOCK),
        ["norelatime"] = Clears(MS_RELATIME),
        ["nostrictatime"] = Clears(MS_STRICTATIME),
        ["nosuid"] = Sets(MS_NOSUID),
        ["nosymfollow"] = Sets(MS_NOSYMFOLLOW),
        ["rbind"] = Sets(MS_BIND | MS_REC),
        ["relatime"] = Sets(MS_RELATIME),
        ["remount"] = Sets(MS_REMOUNT),
        ["ro"] = Sets(MS_RDONLY),
        ["rw"] = Clears(MS_RDONLY),
        ["silent"] = Sets(MS_SILENT),
        ["strictatime"] = Sets(MS_STRICTATIME),
        ["suid"] = Clears(MS_NOSUID),
        ["sync"] = Sets(MS_SYNCHRONOUS),
        ["symfollow"] = Clears(MS_NOSYMFOLLOW),

        ["private"] = Propagation(MS_PRIVATE),
        ["rprivate"] = Propagation(MS_PRIVATE | MS_REC),
        ["shared"] = Propagation(MS_SHARED),
        ["rshared"] = Propagation(MS_SHARED | MS_REC),
        ["slave"] = Propagation(MS_SLAVE),
        ["rslave"] = Propagation(MS_SLAVE | MS_REC),
        ["unbindable"] = Propagation(MS_UNBINDABLE),
        ["runbindable"] = Propagation(MS_UNBINDABLE | MS_REC),

        ["rro"] = RecursiveSets(MOUNT_ATTR_RDONLY),
        ["rrw"] = RecursiveClears(MOUNT_ATTR_RDONLY),
        ["rnosuid"] = RecursiveSets(MOUNT_ATTR_NOSUID),
        ["rsuid"] = RecursiveClears(MOUNT_ATTR_NOSUID),
        ["rnodev"] = RecursiveSets(MOUNT_ATTR_NODEV),
        ["rdev"] = RecursiveClears(MOUNT_ATTR_NODEV),
        ["rnoexec"] = RecursiveSets(MOUNT_ATTR_NOEXEC),
        ["rexec"] = RecursiveClears(MOUNT_ATTR_NOEXEC),
        ["rnodiratime"] = RecursiveSets(MOUNT_ATTR_NODIRATIME),
        ["rdiratime"] = RecursiveClears(MOUNT_ATTR_NODIRATIME),
        ["rrelatime"] = RecursiveSets(MOUNT_ATTR_RELATIME),
        ["rnorelatime"] = RecursiveClears(MOUNT_ATTR_RELATIME),
        ["rnoatime"] = RecursiveSets(MOUNT_ATTR_NOATIME),
        ["ratime"] = RecursiveClears(MOUNT_ATTR_NOATIME),
        ["rstrictatime"] = RecursiveSets(MOUNT_ATTR_STRICTATIME),
        ["rnostrictatime"] = RecursiveClears(MOUNT_ATTR_STRICTATIME),
        ["rnosymfollow"] = RecursiveSets(MOUNT_ATTR_NOSYMFOLLOW),
        ["rsymfollow"] = RecursiveClears(MOUNT_ATTR_NOSYMFOLLOW),

        ["tmpcopyup"] = new(MountOptionKind.Extension, false, 0),
        ["idmap"] = new(MountOptionKind.IdMap, false, 0),
        ["ridmap"] = new(MountOptionKind.IdMap, false, MS_REC),
    };

    /// <summary>Every known option word, sorted (what <c>features</c> reports as mountOptions).</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Keys.Order(StringComparer.Ordinal).ToArray();

    public static bool TryGet(string option, out MountOptionEntry entry) => Entries.TryGetValue(option, out entry);

    private static MountOptionEntry Sets(ulong flag) => new(MountOptionKind.Flag, false, flag);
    private static MountOptionEntry Clears(ulong flag) => new(MountOptionKind.Flag, true, flag);
    private static MountOptionEntry Propagation(ulong flags) => new(MountOptionKind.Propagation, false, flags);
    private static MountOptionEntry RecursiveSets(ulong attr) => new(MountOptionKind.RecursiveAttribute, false, attr);
    private static MountOptionEntry RecursiveClears(ulong attr) => new(MountOptionKind.RecursiveAttribute, true, attr);
}
