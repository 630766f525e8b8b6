using Berth.Storage.FileSystem;
using Berth.Storage.Interop;

namespace Berth.Storage.Layers;

/// <summary>
/// Unpacked layers, each once, under <c>ROOT/layers/HEX/diff</c> where HEX is the layer's diff ID (the sha256 of
/// its uncompressed tar). In overlay form a layer directory depends on that layer's content alone, so one
/// directory serves every image that shares the layer, at any position in the stack.
/// <para>
/// Unpacking goes to <c>ROOT/layers/HEX.tmp-RANDOM</c> while the tar's digest is computed; only when the whole
/// archive was applied and its digest equals the diff ID is the directory renamed into place. A truncated,
/// corrupt or mismatching layer therefore never appears under its name: its temporary directory is removed
/// and a <see cref="LayerUnpackException"/> says what was wrong. Two processes unpacking the same layer both
/// work in their own temporary directory; the first rename wins and the other discards its copy.
/// </para>
/// </summary>
public sealed class LayerStore
{
    private readonly LayerUnpacker _unpacker;

    public LayerStore(string root, UnpackOptions? options = null)
    {
        Root = Path.GetFullPath(root);
        _unpacker = new LayerUnpacker(options);
    }

    public string Root { get; }

    public string LayersDirectory => Path.Combine(Root, "layers");

    /// <summary>The directory of the layer's files (its overlay lowerdir), whether or not it exists yet.</summary>
    public string PathOf(string diffId) => Path.Combine(LayersDirectory, LayerDigest.Hex(diffId), "diff");

    public bool Exists(string diffId) => Directory.Exists(PathOf(diffId));

    /// <summary>
    /// Makes sure the layer with <paramref name="diffId"/> is unpacked. <paramref name="openBlob"/> is called only
    /// when it is not, and must return the layer blob as stored (compressed as <paramref name="mediaType"/> says).
    /// </summary>
    public async Task<UnpackedLayer> EnsureUnpackedAsync(
        string diffId, Func<Stream> openBlob, string mediaType, CancellationToken cancellationToken)
    {
        string final = Path.GetDirectoryName(PathOf(diffId))!;
        if (Exists(diffId))
        {
            return new UnpackedLayer(diffId, PathOf(diffId), null);
        }
        LayerMediaType.CompressionOf(mediaType);
        Directory.CreateDirectory(LayersDirectory);
        string temporary = $"{final}.tmp-{Path.GetRandomFileName().Replace(".", "")}";
        try
        {
            var report = await UnpackToAsync(temporary, diffId, openBlob, mediaType, cancellationToken);
            return Publish(temporary, final, diffId, report);
        }
        catch
        {
            TreeRemover.Remove(temporary);
            throw;
        }
    }

    /// <summary>
    /// Deletes temporary unpack directories older than <paramref name="age"/>: what a process killed mid-unpack left.
    /// The age keeps a concurrent unpack's directory safe; the engine calls this at start-up. Returns how many went.
    /// </summary>
    public int RemoveStaleTemporaries(TimeSpan age)
    {
        if (!Directory.Exists(LayersDirectory))
        {
            return 0;
        }
        var stale = Directory.EnumerateDirectories(LayersDirectory, "*.tmp-*")
            .Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow - age).ToList();
        stale.ForEach(TreeRemover.Remove);
        return stale.Count;
    }

    /// <summary>The diff IDs of every unpacked layer (temporaries of running or killed unpacks are not listed).</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(LayersDirectory))
        {
            return [];
        }
        return Directory.EnumerateDirectories(LayersDirectory)
            .Select(Path.GetFileName)
            .Where(name => name!.Length == 64 && name.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0)
            .Select(name => "sha256:" + name)
            .ToList();
    }

    /// <summary>Bytes the unpacked layer takes on disk (allocated blocks, hard links once); 0 when it is not unpacked.</summary>
    public long DiskUsage(string diffId) => Exists(diffId) ? Snapshots.UsageCounter.Measure(PathOf(diffId)).Bytes : 0;

    /// <summary>Deletes an unpacked layer. The caller makes sure no snapshot still uses it.</summary>
    public void Remove(string diffId) => TreeRemover.Remove(Path.GetDirectoryName(PathOf(diffId))!);

    private async Task<UnpackReport> UnpackToAsync(
        string temporary, string diffId, Func<Stream> openBlob, string mediaType, CancellationToken cancellationToken)
    {
        string diff = Path.Combine(temporary, "diff");
        Directory.CreateDirectory(diff);
        File.SetUnixFileMode(temporary, (UnixFileMode)0x1C0);
        File.SetUnixFileMode(diff, (UnixFileMode)0x1ED);
        try
        {
            await using var tar = new DigestingStream(LayerDecompression.Open(openBlob(), mediaType));
            var report = await _unpacker.UnpackAsync(tar, diff, cancellationToken);
            if (tar.Digest != diffId)
            {
                throw new LayerUnpackException(
                    $"layer {diffId} does not match its diff ID: its uncompressed content has digest {tar.Digest}");
            }
            return report;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ZstdSharp.ZstdException)
        {
            throw new LayerUnpackException($"layer {diffId} ({mediaType}) is corrupt: {e.Message}", e);
        }
    }

    private static UnpackedLayer Publish(string temporary, string final, string diffId, UnpackReport report)
    {
        if (Libc.renameat(Fs.AT_FDCWD, temporary, Fs.AT_FDCWD, final) == 0)
        {
            return new UnpackedLayer(diffId, Path.Combine(final, "diff"), report);
        }
        int errno = Fs.LastErrno;
        if (errno is Errno.EEXIST or Errno.ENOTEMPTY)
        {
            TreeRemover.Remove(temporary);
            return new UnpackedLayer(diffId, Path.Combine(final, "diff"), null);
        }
        throw new StorageException($"rename {temporary} to {final}", errno);
    }
}
