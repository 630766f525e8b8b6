namespace Berth.Engine.Specs;

/// <summary>
/// A mount as create resolved it (kept in the container's config, shown by inspect's Mounts): a bind of a host
/// path, a volume (named, or anonymous with a random name) bound from ROOT/volumes/NAME/_data, or a tmpfs.
/// </summary>
public sealed class MountPoint
{
    /// <summary>"bind", "volume" or "tmpfs".</summary>
    public string Type { get; set; } = "";
    /// <summary>The volume's name (volumes only).</summary>
    public string? Name { get; set; }
    /// <summary>The host path bound (binds, volumes); "" for tmpfs.</summary>
    public string Source { get; set; } = "";
    public string Destination { get; set; } = "";
    public bool ReadOnly { get; set; }
    public string Mode { get; set; } = "";
    /// <summary>Bind propagation ("rprivate" unless asked).</summary>
    public string Propagation { get; set; } = "rprivate";
    /// <summary>Anonymous volume: removed with the container by `rm -v` and `--rm`.</summary>
    public bool Anonymous { get; set; }
    /// <summary>tmpfs: the --tmpfs form "/path:opt,opt" the mount is built from.</summary>
    public string? TmpfsText { get; set; }
}
