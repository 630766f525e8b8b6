using Berth.Oci.Linux;
using Berth.Runtime.Interop;
using Berth.Runtime.Process;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>Builds the container's filesystem view, in the order runc does (runtime-spec config.md "mounts", config-linux.md).</summary>
internal static class RootfsSetup
{
    /// <summary>Before the createRuntime hooks: propagation, the rootfs bind, the spec's mounts, /dev, the cwd.</summary>
    internal static void Prepare(InitConfig config)
    {
        string? propagation = config.Spec.Linux?.RootfsPropagation;
        ulong rootFlags = string.IsNullOrEmpty(propagation) ? MS_SLAVE | MS_REC : RootfsPropagationFlags(propagation);
        Sys.Mount(null, "/", null, rootFlags, null,
            $"make / {Describe(rootFlags)} so the container's mounts do not reach the host");
        Sys.Mount(config.Rootfs, config.Rootfs, "bind", MS_BIND | MS_REC, null,
            $"bind the rootfs {config.Rootfs} on itself (pivot_root needs a mount point)");
        SpecMounts.MountAll(config);
        if (!DevIsBoundFromHost(config))
        {
            bool userNs = config.Spec.Linux?.Namespaces?.Any(n => n.Type == "user") == true;
            DeviceNodes.Create(config.Rootfs, config.Spec.Linux?.Devices, userNs);
        }
        string cwd = config.Spec.Process?.Cwd ?? "/";
        FsUtil.EnsureDirectory(SecureJoin.Join(config.Rootfs, cwd));
    }

    /// <summary>After the createContainer hooks: the rootfs becomes "/".</summary>
    internal static void SwitchRoot(InitConfig config)
    {
        if (config.NoPivot) RootSwitch.MoveAndChroot(config.Rootfs);
        else RootSwitch.PivotRoot(config.Rootfs);
    }

    /// <summary>After sysctls are written: masked and read-only paths, root.readonly, rootfsPropagation.</summary>
    internal static void Protect(InitConfig config)
    {
        var linux = config.Spec.Linux;
        PathProtection.Mask(linux?.MaskedPaths);
        PathProtection.ReadOnly(linux?.ReadonlyPaths);
        if (config.Spec.Root?.Readonly == true)
        {
            PathProtection.ReadOnlyRoot();
        }
        if (!string.IsNullOrEmpty(linux?.RootfsPropagation))
        {
            ulong flags = RootfsPropagationFlags(linux.RootfsPropagation);
            Sys.Mount(null, "/", null, flags, null, $"set propagation of / to {Describe(flags)} (rootfsPropagation)");
        }
    }

    private static ulong RootfsPropagationFlags(string value) => MountOptions.Parse([value]).PropagationFlags;

    private static bool DevIsBoundFromHost(InitConfig config) =>
        config.Spec.Mounts?.Any(m => m.Destination.TrimEnd('/') == "/dev" && (m.Type == "bind" || m.Options?.Contains("bind") == true || m.Options?.Contains("rbind") == true)) == true;
}
