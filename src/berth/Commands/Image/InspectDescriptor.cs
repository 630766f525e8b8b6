namespace Berth.Cli.Commands.Image;

/// <summary>The manifest the image came from, as docker ≥ 25 shows it (with the containerd store).</summary>
public sealed class InspectDescriptor
{
    public string MediaType { get; set; } = "";
    public string Digest { get; set; } = "";
    public long Size { get; set; }
}
