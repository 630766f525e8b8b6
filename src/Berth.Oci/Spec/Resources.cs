namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources" (cgroup controls).</summary>
public sealed class Resources
{
    public List<DeviceCgroup>? Devices { get; set; }
    public Memory? Memory { get; set; }
    public Cpu? Cpu { get; set; }
    public Pids? Pids { get; set; }
    public BlockIO? BlockIO { get; set; }
    public List<HugepageLimit>? HugepageLimits { get; set; }
    public Network? Network { get; set; }
    public Dictionary<string, Rdma>? Rdma { get; set; }
    public Dictionary<string, string>? Unified { get; set; }
}
