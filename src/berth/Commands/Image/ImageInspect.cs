using Berth.Images.Manifest;

namespace Berth.Cli.Commands.Image;

/// <summary>`image inspect` output: the subset of docker's ImageInspect that Berth knows (field names as docker's).</summary>
public sealed class ImageInspect
{
    public string Id { get; set; } = "";
    public List<string> RepoTags { get; set; } = [];
    public List<string> RepoDigests { get; set; } = [];
    public string Parent { get; set; } = "";
    public string Comment { get; set; } = "";
    public string? Created { get; set; }
    public string Author { get; set; } = "";
    public ContainerConfig? Config { get; set; }
    public string Architecture { get; set; } = "";
    public string? Variant { get; set; }
    public string Os { get; set; } = "";
    public long Size { get; set; }
    public InspectRootFs RootFS { get; set; } = new();
    public InspectDescriptor? Descriptor { get; set; }
}
