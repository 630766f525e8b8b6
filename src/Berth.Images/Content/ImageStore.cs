using System.Text.Json;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Storage.Layers;

namespace Berth.Images.Content;

/// <summary>
/// Berth's local images under <c>ROOT/images</c>: the <see cref="ContentStore"/> (blobs/), the image records
/// (images.json, replaced atomically by write-temp-fsync-rename) and three kinds of flock(2) locks:
/// <list type="bullet">
/// <item><c>store.lock</c>: shared by every pull for its whole duration, exclusive for garbage collection,
/// so GC never deletes a blob a running pull has fetched but not yet recorded;</item>
/// <item><c>images.lock</c>: exclusive around each read-modify-write of images.json;</item>
/// <item><c>locks/&lt;hex&gt;.lock</c>: one per blob being downloaded (see <see cref="ContentStore.LockBlobAsync"/>).</item>
/// </list>
/// Blobs are reference-counted by the records that name them; an unnamed blob is garbage. Unpacked layers live
/// in Berth.Storage's <see cref="LayerStore"/> under <c>ROOT/storage</c> (<see cref="Layers"/>), one directory per
/// diff ID, reference-counted the same way by the diff IDs of the records.
/// </summary>
public sealed partial class ImageStore
{
    public const string DefaultRoot = "/var/lib/berth";

    public ImageStore(string dataRoot)
    {
        DataRoot = Path.GetFullPath(dataRoot);
        Directory = Path.Combine(DataRoot, "images");
        System.IO.Directory.CreateDirectory(Directory);
        Content = new ContentStore(Directory);
        Layers = new LayerStore(Path.Combine(DataRoot, "storage"));
    }

    public string DataRoot { get; }
    public string Directory { get; }
    public ContentStore Content { get; }

    /// <summary>The unpacked layers (<c>ROOT/storage/layers/HEX/diff</c>); snapshot drivers are built on it.</summary>
    public LayerStore Layers { get; }
    private string RecordsPath => Path.Combine(Directory, "images.json");

    /// <summary>The data root from --root, else $BERTH_ROOT, else /var/lib/berth.</summary>
    public static string ResolveRoot(string? option) =>
        !string.IsNullOrEmpty(option) ? option
        : Environment.GetEnvironmentVariable("BERTH_ROOT") is { Length: > 0 } env ? env
        : DefaultRoot;

    /// <summary>Held (shared) by a pull from its first blob to its record; see the type's summary.</summary>
    public Task<FileLock> LockForPullAsync(CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(Path.Combine(Directory, "store.lock"), exclusive: false, cancellationToken);

    public IReadOnlyList<ImageRecord> List() => Load().Images;

    public ImageConfig ReadConfig(ImageRecord image) =>
        ManifestDocument.Deserialize(Content.Read(Digest.Parse(image.Config.Digest)), ImagesJsonContext.Default.ImageConfig, $"config of image {image.Id}");

    /// <summary>Blob digest → number of images naming it.</summary>
    public Dictionary<string, int> ReferenceCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var image in List())
        {
            foreach (string digest in image.BlobDigests().Distinct()) counts[digest] = counts.GetValueOrDefault(digest) + 1;
        }
        return counts;
    }

    /// <summary>
    /// The image's layer diff IDs (config rootfs.diff_ids, bottom first): from the record, or for a record written
    /// before Berth recorded them, from the config blob.
    /// </summary>
    public IReadOnlyList<string> DiffIdsOf(ImageRecord image) =>
        image.DiffIds.Count > 0 || image.Layers.Count == 0 ? image.DiffIds : ReadConfig(image).RootFs?.DiffIds ?? [];

    /// <summary>True when every layer of the image is unpacked (what a container start needs).</summary>
    public bool LayersPresent(ImageRecord image) => DiffIdsOf(image).All(Layers.Exists);

    private ImageRecordSet Load()
    {
        if (!File.Exists(RecordsPath)) return new ImageRecordSet();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(RecordsPath), ImagesJsonContext.Default.ImageRecordSet) ?? new ImageRecordSet();
        }
        catch (JsonException e)
        {
            throw new ImageStoreException($"{RecordsPath} is not valid JSON ({e.Message}); restore it or remove {Directory} to start afresh", e);
        }
    }

    private void Save(ImageRecordSet set)
    {
        string temp = RecordsPath + $".{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, set, ImagesJsonContext.Default.ImageRecordSet);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, RecordsPath, overwrite: true);
        FileLock.SyncDirectory(Directory);
    }

    /// <summary>Read-modify-write of images.json under images.lock.</summary>
    private T Update<T>(Func<ImageRecordSet, T> change)
    {
        using var guard = FileLock.Acquire(Path.Combine(Directory, "images.lock"), exclusive: true);
        var set = Load();
        T result = change(set);
        Save(set);
        return result;
    }
}
