namespace Berth.Engine.Inspect;

/// <summary>One entry of docker inspect's Mounts (binds and tmpfs).</summary>
public sealed class InspectMount
{
    public string Type { get; set; } = "";
    public string Source { get; set; } = "";
    public string Destination { get; set; } = "";
    public string Mode { get; set; } = "";
    public bool RW { get; set; }
    public string Propagation { get; set; } = "";
}
