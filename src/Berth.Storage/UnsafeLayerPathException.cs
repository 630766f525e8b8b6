namespace Berth.Storage;

/// <summary>
/// A layer entry tried to reach outside the layer directory ("../../etc/passwd", a hard link to a file outside the
/// tree, ...). The whole layer is rejected: an image built by a normal tool never contains such an entry, so the
/// image is broken or hostile and should not be run.
/// </summary>
public sealed class UnsafeLayerPathException : StorageException
{
    public string EntryName { get; }

    public UnsafeLayerPathException(string entryName, string reason)
        : base($"layer entry \"{entryName}\" rejected: {reason}")
    {
        EntryName = entryName;
    }
}
