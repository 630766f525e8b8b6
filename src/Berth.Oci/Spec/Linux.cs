namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux".</summary>
public sealed class Linux
{
    public List<Namespace>? Namespaces { get; set; }
    public List<IdMapping>? UidMappings { get; set; }
    public List<IdMapping>? GidMappings { get; set; }
    public Dictionary<string, TimeOffset>? TimeOffsets { get; set; }
    public List<Device>? Devices { get; set; }
    public string? CgroupsPath { get; set; }
    public Resources? Resources { get; set; }
    public IntelRdt? IntelRdt { get; set; }
    public Dictionary<string, string>? Sysctl { get; set; }
    public Seccomp? Seccomp { get; set; }
    public string? RootfsPropagation { get; set; }
    public List<string>? MaskedPaths { get; set; }
    public List<string>? ReadonlyPaths { get; set; }
    public string? MountLabel { get; set; }
    public Personality? Personality { get; set; }

    /// <summary>Host network devices to move into the container's network namespace, by host name (runtime-spec 1.2.1).</summary>
    public Dictionary<string, NetDevice>? NetDevices { get; set; }
}
