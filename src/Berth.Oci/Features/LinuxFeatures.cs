namespace Berth.Oci.Features;

/// <summary>runtime-spec features-linux.md: the "linux" object of the features document.</summary>
public sealed class LinuxFeatures
{
    /// <summary>Recognized namespace types ("cgroup", "ipc", …).</summary>
    public List<string>? Namespaces { get; set; }

    /// <summary>Recognized capability names ("CAP_CHOWN", …).</summary>
    public List<string>? Capabilities { get; set; }

    public CgroupFeatures? Cgroup { get; set; }
    public SeccompFeatures? Seccomp { get; set; }
    public EnabledFeature? Apparmor { get; set; }
    public EnabledFeature? Selinux { get; set; }
    public IntelRdtFeatures? IntelRdt { get; set; }
    public MountExtensionsFeatures? MountExtensions { get; set; }
    public EnabledFeature? NetDevices { get; set; }
}
