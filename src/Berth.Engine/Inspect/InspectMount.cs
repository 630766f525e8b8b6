using System.Text.Json.Serialization;
using Berth.Engine.Specs;

namespace Berth.Engine.Inspect;

/// <summary>One entry of docker inspect's Mounts (binds, volumes and tmpfs).</summary>
public sealed class InspectMount
{
    public string Type { get; set; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; set; }
    public string Source { get; set; } = "";
    public string Destination { get; set; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Driver { get; set; }
    public string Mode { get; set; } = "";
    public bool RW { get; set; }
    public string Propagation { get; set; } = "";

    public static InspectMount From(MountPoint m) => new()
    {
        Type = m.Type, Name = m.Name, Source = m.Source, Destination = m.Destination, Driver = m.Type == "volume" ? "local" : null,
        Mode = m.Mode, RW = !m.ReadOnly, Propagation = m.Type == "bind" ? m.Propagation : "",
    };
}
