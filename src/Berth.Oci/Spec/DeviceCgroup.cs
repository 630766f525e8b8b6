namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.devices[]": a device cgroup allow/deny rule.</summary>
public sealed class DeviceCgroup
{
    public bool Allow { get; set; }
    public string? Type { get; set; }
    public long? Major { get; set; }
    public long? Minor { get; set; }
    public string? Access { get; set; }
}
