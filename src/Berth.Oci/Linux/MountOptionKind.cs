namespace Berth.Oci.Linux;

/// <summary>What a mount option word does, in the order runc's parseMountOptions looks it up.</summary>
public enum MountOptionKind
{
    /// <summary>Sets or clears an MS_* flag of mount(2) ("ro", "rw", "nosuid", "bind", …).</summary>
    Flag,

    /// <summary>A propagation change applied after the mount ("private", "rslave", …).</summary>
    Propagation,

    /// <summary>A mount_setattr(2) attribute applied to the whole tree ("rro", "rnosuid", …).</summary>
    RecursiveAttribute,

    /// <summary>A runtime extension ("tmpcopyup").</summary>
    Extension,

    /// <summary>An idmapped mount ("idmap", "ridmap").</summary>
    IdMap,

    /// <summary>Understood and ignored ("defaults").</summary>
    None,
}
