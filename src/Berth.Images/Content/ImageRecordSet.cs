namespace Berth.Images.Content;

/// <summary>The file <c>images.json</c>: every local image record.</summary>
public sealed class ImageRecordSet
{
    public int Version { get; set; } = 1;
    public List<ImageRecord> Images { get; set; } = [];
}
