namespace Berth.Runtime.State;

/// <summary>state.json under --root/&lt;id&gt;: what later commands need to find and clean up the container.</summary>
public sealed class ContainerState
{
    public string Id { get; set; } = "";
    public int Pid { get; set; }
    /// <summary>/proc/&lt;pid&gt;/stat field 22, so a reused pid is never taken for the container.</summary>
    public ulong PidStartTime { get; set; }
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    public DateTime Created { get; set; }
    public string Owner { get; set; } = "";
    public Dictionary<string, string>? Annotations { get; set; }
    public string? CgroupsPath { get; set; }
    public Dictionary<string, string> CgroupPaths { get; set; } = new();
    /// <summary>Set once the init has been seen dead, so "stopped" stays stopped even if the pid is reused.</summary>
    public bool Stopped { get; set; }
}
