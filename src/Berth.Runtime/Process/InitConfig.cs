using Berth.Oci.Spec;
using Berth.Runtime.Seccomp;

namespace Berth.Runtime.Process;

/// <summary>Everything the init needs, sent by the runtime as the Config message.</summary>
public sealed class InitConfig
{
    public Spec Spec { get; set; } = new();
    /// <summary>"create": build the container and wait for `start`; "exec": run Spec.Process in the joined namespaces.</summary>
    public string Mode { get; set; } = "create";
    public string Id { get; set; } = "";
    public string Bundle { get; set; } = "";
    /// <summary>Absolute host path of the rootfs.</summary>
    public string Rootfs { get; set; } = "";
    /// <summary>exec.fifo in the state directory; empty for `exec` (no start barrier).</summary>
    public string FifoPath { get; set; } = "";
    public bool NoPivot { get; set; }
    public int PreserveFds { get; set; }
    /// <summary>fd number of the console socket in the init, or -1.</summary>
    public int ConsoleSocketFd { get; set; } = -1;
    /// <summary>Host cgroup layout, for the "cgroup" mount type: "v1", "hybrid" or "v2".</summary>
    public string CgroupMode { get; set; } = "";
    /// <summary>hierarchy ("" for v2/unified) → the v1 controllers mounted there (comma-separated), for cgroup mounts.</summary>
    public Dictionary<string, string> CgroupHierarchies { get; set; } = new();
    /// <summary>hierarchy directory name → host path of the container's cgroup there (bind mounts without a cgroup namespace).</summary>
    public Dictionary<string, string> CgroupPaths { get; set; } = new();
    /// <summary>linux.seccomp compiled to BPF by the runtime (null: no filter); the init only loads it.</summary>
    public SeccompProgram? Seccomp { get; set; }
    public bool Trace { get; set; }
}
