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
    /// <param name="seccompEnabled">whether linux.seccomp can be honoured (libseccomp is present)</param>
    /// <param name="seccompArchs">the architectures the host's libseccomp knows (null: every known name)</param>
    /// <param name="seccompSupportedFlags">the flags the host's kernel accepts (null: every known flag)</param>
    public static FeaturesDocument Create(
        bool seccompEnabled, IEnumerable<string>? seccompArchs = null, IEnumerable<string>? seccompSupportedFlags = null) => new()
    {
        OciVersionMin = SpecVersion.Minimum,
        OciVersionMax = SpecVersion.Current,
        Hooks = [.. HookNames.All],
        MountOptions = [.. MountOptions.Known],
        Linux = CreateLinux(seccompEnabled ? CreateSeccomp(seccompArchs, seccompSupportedFlags) : new SeccompFeatures { Enabled = false }),
    };

    private static LinuxFeatures CreateLinux(SeccompFeatures seccomp) => new()
    {
        Namespaces = [.. NamespaceTypes.Names],
        Capabilities = [.. CapabilityNames.All],
        Cgroup = new CgroupFeatures { V1 = true, V2 = true, Systemd = false, SystemdUser = false, Rdma = false },
        Seccomp = seccomp,
        Apparmor = new EnabledFeature { Enabled = false },
        Selinux = new EnabledFeature { Enabled = false },
        IntelRdt = new IntelRdtFeatures { Enabled = false },
        MountExtensions = new MountExtensionsFeatures { Idmap = new EnabledFeature { Enabled = false } },
        NetDevices = new EnabledFeature { Enabled = false },
    };

    /// <summary>Without seccomp only "enabled": false, as runc built without libseccomp reports.</summary>
    private static SeccompFeatures CreateSeccomp(IEnumerable<string>? archs, IEnumerable<string>? supportedFlags) => new()
    {
        Enabled = true,
        Actions = [.. SeccompNames.Actions],
        Operators = [.. SeccompNames.Operators],
        Archs = [.. archs ?? SeccompNames.Architectures],
        KnownFlags = [.. SeccompNames.Flags],
        SupportedFlags = [.. supportedFlags ?? SeccompNames.Flags],
    };
}
