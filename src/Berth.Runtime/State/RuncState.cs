namespace Berth.Runtime.State;

/// <summary>What `state` and `list --format json` print: the OCI state plus runc's extra fields, so tools that read runc's output read ours.</summary>
public sealed class RuncState
{
    public string OciVersion { get; set; } = "1.2.0";
    public string Id { get; set; } = "";
    public int Pid { get; set; }
    public string Status { get; set; } = "";
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    public DateTime Created { get; set; }
    public string Owner { get; set; } = "";
    public Dictionary<string, string>? Annotations { get; set; }
}
