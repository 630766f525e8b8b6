using System.Text.Json.Serialization;

namespace Berth.Engine.Volumes;

/// <summary>Source-generated JSON for volume labels/options columns and `volume inspect` / `volume ls --format json`.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<VolumeInspect>))]
[JsonSerializable(typeof(VolumeListEntry))]
public sealed partial class VolumeJsonContext : JsonSerializerContext
{
    /// <summary>One object per line (ls --format json), with &lt; &gt; &amp; left as they are.</summary>
    public static VolumeJsonContext Line { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Indented (inspect), with &lt; &gt; &amp; left as they are.</summary>
    public static VolumeJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true,
    });
}

/// <summary>docker volume inspect's shape.</summary>
public sealed class VolumeInspect
{
    public string CreatedAt { get; set; } = "";
    public string Driver { get; set; } = "local";
    public Dictionary<string, string> Labels { get; set; } = [];
    public string Mountpoint { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, string>? Options { get; set; }
    public string Scope { get; set; } = "local";
}

/// <summary>docker volume ls --format json's shape.</summary>
public sealed class VolumeListEntry
{
    public string Availability { get; set; } = "N/A";
    public string Driver { get; set; } = "local";
    public string Group { get; set; } = "N/A";
    public string Labels { get; set; } = "";
    public string Links { get; set; } = "N/A";
    public string Mountpoint { get; set; } = "";
    public string Name { get; set; } = "";
    public string Scope { get; set; } = "local";
    public string Size { get; set; } = "N/A";
    public string Status { get; set; } = "N/A";
}
