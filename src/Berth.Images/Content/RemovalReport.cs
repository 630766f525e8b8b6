namespace Berth.Images.Content;

/// <summary>What <c>rmi</c> / <c>image prune</c> did: names removed, images deleted, blobs, layer directories and bytes freed.</summary>
public sealed class RemovalReport
{
    public List<string> Untagged { get; } = [];
    public List<string> Deleted { get; } = [];
    public int BlobsRemoved { get; set; }
    public long BytesFreed { get; set; }
    public int LayersRemoved { get; set; }
}
