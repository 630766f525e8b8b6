namespace Berth.Cli.Commands.Image;

/// <summary>`images --format json`: one object per line, the fields docker prints.</summary>
public sealed class ImageListEntry
{
    public string Containers { get; set; } = "N/A";
    public string CreatedAt { get; set; } = "";
    public string CreatedSince { get; set; } = "";
    public string Digest { get; set; } = "";
    public string ID { get; set; } = "";
    public string Repository { get; set; } = "";
    public string Tag { get; set; } = "";
    public string Size { get; set; } = "";
}
