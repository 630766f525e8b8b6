using Berth.Images.Distribution;
using Berth.Images.Reference;

namespace Berth.Images.Content;

/// <summary>
/// Blobs stored by digest: <c>DIR/blobs/sha256/&lt;hex&gt;</c>, as in an OCI image layout. A blob is written to
/// a temp file in the same directory, fsynced, then renamed to its digest and the directory fsynced: rename
/// is atomic, so after a crash a digest names either the complete, verified content or nothing. Temp files
/// start with '.' and are never taken for blobs; <see cref="RemoveStaleTempFiles"/> clears those of dead pulls.
/// </summary>
public sealed class ContentStore
{
    public ContentStore(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        System.IO.Directory.CreateDirectory(LocksDirectory);
    }

    public string Directory { get; }

    public string LocksDirectory => Path.Combine(Directory, "locks");

    public string BlobPath(Digest digest) => Path.Combine(Directory, "blobs", digest.Algorithm, digest.Hex);

    /// <summary>True when the blob is present with the expected size (its content was verified when written).</summary>
    public bool Has(Digest digest, long size)
    {
        var info = new FileInfo(BlobPath(digest));
        return info.Exists && (size < 0 || info.Length == size);
    }

    public bool Has(Digest digest) => Has(digest, -1);

    /// <summary>A fresh temp path beside the blob's final place (same filesystem, so the rename is atomic).</summary>
    public string NewTempPath(Digest digest)
    {
        string dir = Path.Combine(Directory, "blobs", digest.Algorithm);
        System.IO.Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".tmp-{digest.Hex[..12]}-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>A fresh temp path for content whose digest is not known yet (an entry of an archive being loaded).</summary>
    public string NewTempPath()
    {
        string dir = Path.Combine(Directory, "blobs", "sha256");
        System.IO.Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".tmp-stage-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>fsyncs a verified temp file written without it, then moves it to its digest name.</summary>
    public void CommitAfterSync(string tempPath, Digest digest)
    {
        using (var file = new FileStream(tempPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1))
        {
            file.Flush(flushToDisk: true);
        }
        Commit(tempPath, digest);
    }

    /// <summary>Moves a verified, fsynced temp file to its digest name.</summary>
    public void Commit(string tempPath, Digest digest)
    {
        string final = BlobPath(digest);
        File.Move(tempPath, final, overwrite: true);
        FileLock.SyncDirectory(Path.GetDirectoryName(final)!);
    }

    /// <summary>Writes small content (manifests, configs) after checking it hashes to <paramref name="digest"/>.</summary>
    public void Write(Digest digest, byte[] content)
    {
        if (!ContentVerifier.Matches(digest, content))
        {
            throw new RegistryException(RegistryErrorKind.DigestMismatch, $"content store: content for {digest} hashes to {ContentVerifier.Compute(digest, content)}");
        }
        if (Has(digest, content.Length)) return;
        string temp = NewTempPath(digest);
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        Commit(temp, digest);
    }

    /// <summary>Reads a blob and re-checks its digest (used for manifests and configs, which are small).</summary>
    public byte[] Read(Digest digest)
    {
        string path = BlobPath(digest);
        if (!File.Exists(path)) throw new ImageStoreException($"blob {digest} is missing from {Directory}; pull the image again");
        byte[] content = File.ReadAllBytes(path);
        if (!ContentVerifier.Matches(digest, content)) throw new ImageStoreException($"blob {path} is corrupt (its content does not hash to {digest}); remove the image and pull it again");
        return content;
    }

    /// <summary>Opens a blob for one sequential read (layers are read once, to unpack or to save them).</summary>
    public Stream OpenRead(Digest digest) => OpenSequential(BlobPath(digest));

    public static Stream OpenSequential(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);

    public IEnumerable<Digest> List()
    {
        string root = Path.Combine(Directory, "blobs");
        foreach (string algorithmDir in System.IO.Directory.EnumerateDirectories(root))
        {
            string algorithm = Path.GetFileName(algorithmDir);
            foreach (string file in System.IO.Directory.EnumerateFiles(algorithmDir))
            {
                if (Digest.TryParse($"{algorithm}:{Path.GetFileName(file)}", out var digest, out _)) yield return digest;
            }
        }
    }

    public long SizeOf(Digest digest) => new FileInfo(BlobPath(digest)).Length;

    public void Delete(Digest digest)
    {
        File.Delete(BlobPath(digest));
        File.Delete(Path.Combine(LocksDirectory, digest.Hex + ".lock"));
    }

    /// <summary>The lock a pull holds while downloading one blob, so two processes never fetch it twice at once.</summary>
    public Task<FileLock> LockBlobAsync(Digest digest, CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(Path.Combine(LocksDirectory, digest.Hex + ".lock"), exclusive: true, cancellationToken);

    /// <summary>Deletes temp files left by interrupted pulls (call only while no pull runs: under the exclusive store lock).</summary>
    public int RemoveStaleTempFiles()
    {
        int removed = 0;
        foreach (string dir in System.IO.Directory.EnumerateDirectories(Path.Combine(Directory, "blobs")))
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(dir, ".tmp-*"))
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }
}
