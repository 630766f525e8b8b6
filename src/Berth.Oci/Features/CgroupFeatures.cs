namespace Berth.Oci.Features;

/// <summary>runtime-spec features-linux.md "cgroup": which cgroup managers the runtime implements.</summary>
public sealed class CgroupFeatures
{
    public bool? V1 { get; set; }
    public bool? V2 { get; set; }
    public bool? Systemd { get; set; }
    public bool? SystemdUser { get; set; }
    public bool? Rdma { get; set; }
}
