namespace Berth.Engine.Inspect;

/// <summary>docker inspect's HostConfig object: the flags that shape the sandbox.</summary>
public sealed class InspectHostConfig
{
    public List<string> Binds { get; set; } = [];
    /// <summary>null when none (as docker's).</summary>
    public List<string>? VolumesFrom { get; set; }
    public string NetworkMode { get; set; } = "";
    public bool AutoRemove { get; set; }
    public List<string> CapAdd { get; set; } = [];
    public List<string> CapDrop { get; set; } = [];
    public bool Privileged { get; set; }
    public bool ReadonlyRootfs { get; set; }
    public List<string> SecurityOpt { get; set; } = [];
    public Dictionary<string, string> Tmpfs { get; set; } = [];
    public string Runtime { get; set; } = "";
    public long Memory { get; set; }
    public long MemorySwap { get; set; }
    public long NanoCpus { get; set; }
    public long CpuShares { get; set; }
    public string CpusetCpus { get; set; } = "";
    public long? PidsLimit { get; set; }
    public List<InspectUlimit> Ulimits { get; set; } = [];
    public InspectLogConfig LogConfig { get; set; } = new();
    public InspectRestartPolicy RestartPolicy { get; set; } = new();
}
