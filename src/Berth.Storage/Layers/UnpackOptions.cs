namespace Berth.Storage.Layers;

/// <summary>
/// How a layer is applied. By default everything follows the process's privilege: root applies ownership,
/// device nodes and trusted.* xattrs; an unprivileged process (rootless, or a test run as a user) skips device
/// nodes and ownership with a note, as containers/storage does in a user namespace, and marks opaque
/// directories with user.overlay.opaque (overlayfs's "userxattr" mount option reads those).
/// </summary>
public sealed record UnpackOptions
{
    public bool Privileged { get; init; } = Interop.Libc.geteuid() == 0;

    /// <summary>The xattr namespace for overlay metadata: "trusted.overlay." (root) or "user.overlay.".</summary>
    public string OverlayXattrPrefix => Privileged ? "trusted.overlay." : "user.overlay.";

    /// <summary>Resolve paths component by component instead of with openat2 (the fallback for kernels before 5.6).</summary>
    public bool ForceComponentWalk { get; init; }

    /// <summary>Turn OCI whiteouts (".wh.NAME") into overlay's form; off for `berth cp`, where such names are plain files.</summary>
    public bool ConvertWhiteouts { get; init; } = true;

    /// <summary>Apply the entries' owners (only possible with <see cref="Privileged"/>); off for `berth cp` to the host.</summary>
    public bool ApplyOwners { get; init; } = true;
}
