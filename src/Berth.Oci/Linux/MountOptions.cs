using static Berth.Oci.Linux.MountSyscallFlags;

namespace Berth.Oci.Linux;

/// <summary>
/// A mount's "options" turned into what the kernel calls take, as runc's parseMountOptions does:
/// mount(2) flags (options like "rw" and "suid" clear bits set by earlier ones), propagation changes,
/// mount_setattr(2) attributes for the recursive options, and the words the table does not know,
/// joined by commas as filesystem data ("mode=755,size=65536k").
/// </summary>
public sealed record MountOptions
{
    /// <summary>MS_* flags for mount(2), propagation excluded.</summary>
    public ulong Flags { get; init; }

    /// <summary>MS_* flags an option asked to clear ("rw" → MS_RDONLY), so a remount can drop them.</summary>
    public ulong ClearedFlags { get; init; }

    /// <summary>The propagation options OR-ed together (MS_PRIVATE|MS_REC for "rprivate"); 0 when none.</summary>
    public ulong PropagationFlags { get; init; }

    /// <summary>Each propagation option in order, for runtimes that apply them one mount(2) call at a time.</summary>
    public IReadOnlyList<ulong> Propagations { get; init; } = [];

    /// <summary>MOUNT_ATTR_* to set on the whole tree (mount_setattr attr_set).</summary>
    public ulong RecursiveAttrSet { get; init; }

    /// <summary>MOUNT_ATTR_* to clear on the whole tree (mount_setattr attr_clr).</summary>
    public ulong RecursiveAttrClear { get; init; }

    /// <summary>"tmpcopyup": copy the directory's content into the new tmpfs.</summary>
    public bool TmpCopyUp { get; init; }

    /// <summary>"idmap" or "ridmap": an idmapped mount.</summary>
    public bool IdMap { get; init; }

    /// <summary>"ridmap": idmap the whole tree.</summary>
    public bool IdMapRecursive { get; init; }

    /// <summary>Options the table does not know, passed to the filesystem ("mode=755,size=65536k"); "" when none.</summary>
    public string Data { get; init; } = "";

    /// <summary>"bind" or "rbind".</summary>
    public bool IsBind => (Flags & MS_BIND) != 0;

    /// <summary>"rbind".</summary>
    public bool IsRecursive => (Flags & MS_REC) != 0;

    public bool IsReadOnly => (Flags & MS_RDONLY) != 0;

    public bool HasRecursiveAttributes => RecursiveAttrSet != 0 || RecursiveAttrClear != 0;

    /// <summary>Every option word that is not filesystem data, sorted.</summary>
    public static IReadOnlyList<string> Known => MountOptionTable.Names;

    /// <summary>Parses a mount's options; null or empty gives no flags and no data.</summary>
    public static MountOptions Parse(IEnumerable<string>? options) => MountOptionsParser.Parse(options);
}
