namespace Berth.Engine.Info;

/// <summary>
/// `berth info --format json`: the server half of `docker info`, with docker's field names (so scripts reading
/// .CgroupVersion, .Driver, .NCPU keep working) and a few of berth's own (CgroupMode, RunRoot, MonitorPath).
/// </summary>
public sealed class EngineInfo
{
    public int Containers { get; set; }
    public int ContainersRunning { get; set; }
    public int ContainersPaused { get; set; }
    public int ContainersStopped { get; set; }
    public int Images { get; set; }
    /// <summary>"overlay" or "vfs" (berth's snapshot drivers).</summary>
    public string Driver { get; set; } = "";
    /// <summary>[["Backing Filesystem", "extfs"], ...] as docker lists them.</summary>
    public List<List<string>> DriverStatus { get; set; } = [];
    public string LoggingDriver { get; set; } = "json-file";
    public string CgroupDriver { get; set; } = "cgroupfs";
    /// <summary>"1" or "2", as docker prints it (a hybrid host is "1": its controllers are v1).</summary>
    public string CgroupVersion { get; set; } = "";
    /// <summary>"v1", "hybrid" or "v2".</summary>
    public string CgroupMode { get; set; } = "";
    public string KernelVersion { get; set; } = "";
    public string OperatingSystem { get; set; } = "";
    public string OSType { get; set; } = "linux";
    public string Architecture { get; set; } = "";
    public int NCPU { get; set; }
    public long MemTotal { get; set; }
    public string Name { get; set; } = "";
    public string ServerVersion { get; set; } = "";
    public string DefaultRuntime { get; set; } = "";
    public Dictionary<string, InfoRuntime> Runtimes { get; set; } = [];
    public List<string> SecurityOptions { get; set; } = [];
    /// <summary>Docker's name for the data root (berth: --root, $BERTH_ROOT or /var/lib/berth).</summary>
    public string DockerRootDir { get; set; } = "";
    public string RunRoot { get; set; } = "";
    public string CgroupParent { get; set; } = "";
    public string? MonitorPath { get; set; }
}

/// <summary>One OCI runtime berth can use: where it is and what it says its version is.</summary>
public sealed class InfoRuntime
{
    public string Path { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Commit { get; set; }
}
