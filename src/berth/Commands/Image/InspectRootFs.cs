namespace Berth.Cli.Commands.Image;

/// <summary>RootFS of `image inspect`: the layers' uncompressed digests (the config's diff_ids).</summary>
public sealed class InspectRootFs
{
    public string Type { get; set; } = "layers";
    public List<string> Layers { get; set; } = [];
}
