namespace Berth.Engine.Volumes;

/// <summary>A row of the volumes table: a local volume whose data lives in ROOT/volumes/NAME/_data.</summary>
public sealed class VolumeRecord
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "local";
    public DateTimeOffset CreatedAt { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    /// <summary>The local driver's options (-o type=…, device=…, o=…).</summary>
    public Dictionary<string, string> Options { get; init; } = [];
    /// <summary>Made for one container (-v /path, an image VOLUME) rather than by name.</summary>
    public bool Anonymous { get; init; }
}
