using Berth.Images.Content;
using Berth.Images.Reference;
using Berth.Storage.Layers;

namespace Berth.Images.Archive;

/// <summary>
/// One file of an archive being loaded (or the layer of an import), written to a temp file in the content
/// store's blob directory while its sha256 was computed. <see cref="Path"/> moves to the blob's final name once
/// the image it belongs to is committed; until then nothing under a digest name exists for it.
/// </summary>
internal sealed class StagedFile
{
    public StagedFile(string path, Digest digest, long size, LayerCompression compression)
    {
        Path = path;
        Digest = digest;
        Size = size;
        Compression = compression;
    }

    public string Path { get; private set; }
    public Digest Digest { get; }
    public long Size { get; }

    /// <summary>What the first bytes show: gzip, zstd, or neither (a plain tar, or JSON).</summary>
    public LayerCompression Compression { get; }

    public bool Committed { get; private set; }

    /// <summary>Moves the temp file to its blob name (fsync first); later images of the same archive read it there.</summary>
    public void CommitTo(ContentStore content)
    {
        if (Committed) return;
        if (content.Has(Digest, Size)) File.Delete(Path);
        else content.CommitAfterSync(Path, Digest);
        Path = content.BlobPath(Digest);
        Committed = true;
    }

    /// <summary>Deletes the temp file unless it was committed.</summary>
    public void Discard()
    {
        if (!Committed) File.Delete(Path);
    }
}
