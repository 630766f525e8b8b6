namespace Berth.Oci.Features;

/// <summary>A features-linux.md object that only says whether something is implemented: apparmor, selinux, netDevices, mountExtensions.idmap.</summary>
public sealed class EnabledFeature
{
    public bool? Enabled { get; set; }
}
