using Berth.Oci.Features;
using Berth.Oci.Linux;
using FeaturesDocument = Berth.Oci.Features.Features;

namespace Berth.Oci;

/// <summary>
/// Builds the features document (runtime-spec features.md) from the tables the runtime itself uses, so
/// that what <c>features</c> claims and what config.json validation accepts cannot drift apart.
/// Everything here is decided at build time, not by probing the host.
/// </summary>
public static class FeaturesBuilder
{
    public static FeaturesDocument Create(bool seccompEnabled) => new()
    {
        OciVersionMin = SpecVersion.Minimum,
        OciVersionMax = SpecVersion.Current,
        Hooks = [.. HookNames.All],
        MountOptions = [.. MountOptions.Known],
        Linux = CreateLinux(seccompEnabled),
    };

    private static LinuxFeatures CreateLinux(bool seccompEnabled) => new()
    {
        Namespaces = [.. NamespaceTypes.Names],
        Capabilities = [.. CapabilityNames.All],
        Cgroup = new CgroupFeatures { V1 = true, V2 = true, Systemd = false, SystemdUser = false, Rdma = false },
        Seccomp = CreateSeccomp(seccompEnabled),
        Apparmor = new EnabledFeature { Enabled = false },
        Selinux = new EnabledFeature { Enabled = false },
        IntelRdt = new IntelRdtFeatures { Enabled = false },
        MountExtensions = new MountExtensionsFeatures { Idmap = new EnabledFeature { Enabled = false } },
        NetDevices = new EnabledFeature { Enabled = false },
    };

    /// <summary>Without seccomp only "enabled": false, as runc built without libseccomp reports.</summary>
    private static SeccompFeatures CreateSeccomp(bool enabled) => !enabled
        ? new SeccompFeatures { Enabled = false }
        : new SeccompFeatures
        {
            Enabled = true,
            Actions = [.. SeccompNames.Actions],
            Operators = [.. SeccompNames.Operators],
            Archs = [.. SeccompNames.Architectures],
            KnownFlags = [.. SeccompNames.Flags],
            SupportedFlags = [.. SeccompNames.Flags],
        };
}
