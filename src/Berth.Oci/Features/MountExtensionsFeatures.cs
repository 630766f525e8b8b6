namespace Berth.Oci.Features;

/// <summary>runtime-spec features-linux.md "mountExtensions".</summary>
public sealed class MountExtensionsFeatures
{
    /// <summary>Idmapped mounts from a mount's uidMappings/gidMappings.</summary>
    public EnabledFeature? Idmap { get; set; }
}
