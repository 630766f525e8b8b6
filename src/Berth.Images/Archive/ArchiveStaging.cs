using System.Buffers;
using System.Formats.Tar;
using System.Security.Cryptography;
using Berth.Images.Content;
using Berth.Images.Reference;
using Berth.Storage.Layers;

namespace Berth.Images.Archive;

/// <summary>
/// The files of an image archive, read in one pass (a tar is sequential and manifest.json may come last) into
/// temp files beside the content store's blobs, each hashed as it is written. Nothing gets a digest name here:
/// the loader verifies everything first, then commits what the images use (<see cref="StagedFile.CommitTo"/>);
/// disposing deletes every temp file that was not committed, so a bad archive leaves nothing behind.
/// Entry names are only used as keys (never as paths to write to), so "../" in an archive cannot reach anything.
/// </summary>
internal sealed class ArchiveStaging : IDisposable
{
    private const long MaxDocumentSize = 16 << 20;
    private readonly Dictionary<string, StagedFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    private ArchiveStaging(string source) => Source = source;

    /// <summary>How messages name the archive ("archive image.tar").</summary>
    public string Source { get; }

    public static async Task<ArchiveStaging> ReadAsync(Stream archive, ContentStore content, string source, CancellationToken cancellationToken)
    {
        var staging = new ArchiveStaging(source);
        try
        {
            await staging.ReadEntriesAsync(archive, content, cancellationToken);
            return staging;
        }
        catch
        {
            staging.Dispose();
            throw;
        }
    }

    public bool Contains(string path) => Find(path) is not null;

    /// <summary>The file at <paramref name="path"/>, following symlinks and hard links of the archive.</summary>
    public StagedFile? Find(string path)
    {
        string key = Normalize(path);
        for (int hops = 0; hops < 16 && _links.TryGetValue(key, out string? target); hops++) key = target;
        return _files.GetValueOrDefault(key);
    }

    public StagedFile Require(string path, string what) =>
        Find(path) ?? throw new ImageArchiveException($"{Source}: {what} \"{path}\" is not in the archive (truncated or incomplete archive?)");

    /// <summary>A small JSON document of the archive (manifest.json, index.json, a config, a manifest).</summary>
    public byte[] ReadDocument(StagedFile file, string what)
    {
        if (file.Size > MaxDocumentSize) throw new ImageArchiveException($"{Source}: {what} is {file.Size} bytes, more than a JSON document of an image can be");
        return File.ReadAllBytes(file.Path);
    }

    public void Dispose()
    {
        foreach (var file in _files.Values) file.Discard();
    }

    private async Task ReadEntriesAsync(Stream archive, ContentStore content, CancellationToken cancellationToken)
    {
        var reader = new TarReader(archive, leaveOpen: true);
        int entries = 0;
        while (await NextAsync(reader, entries, cancellationToken) is { } entry)
        {
            entries++;
            string name = Normalize(entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    _files[name] = await StageAsync(entry, content, cancellationToken);
                    break;
                case TarEntryType.SymbolicLink:
                    _links[name] = Normalize(ParentOf(name) + "/" + entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    _links[name] = Normalize(entry.LinkName);
                    break;
            }
        }
    }

    private async Task<TarEntry?> NextAsync(TarReader reader, int entriesSoFar, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
            if (entry is null && entriesSoFar == 0) throw new ImageArchiveException($"{Source} is empty or not a tar archive");
            return entry;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or ArgumentException)
        {
            throw new ImageArchiveException($"{Source} is truncated or not a tar archive ({e.Message})", e);
        }
    }

    private async Task<StagedFile> StageAsync(TarEntry entry, ContentStore content, CancellationToken cancellationToken)
    {
        string temp = content.NewTempPath();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write);
            byte[] magic = [];
            long size = 0;
            int read;
            while (entry.DataStream is { } data && (read = await ReadAsync(data, buffer, entry.Name, cancellationToken)) > 0)
            {
                if (size == 0) magic = buffer[..Math.Min(read, 4)];
                hash.AppendData(buffer, 0, read);
                RandomAccess.Write(file, buffer.AsSpan(0, read), size);
                size += read;
            }
            if (size != entry.Length) throw Truncated(entry.Name, size, entry.Length);
            var digest = new Digest("sha256", Convert.ToHexStringLower(hash.GetHashAndReset()));
            return new StagedFile(temp, digest, size, LayerMediaType.Sniff(magic) ?? LayerCompression.None);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<int> ReadAsync(Stream data, byte[] buffer, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await data.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new ImageArchiveException($"{Source} is truncated or corrupt: reading \"{name}\" failed ({e.Message})", e);
        }
    }

    private ImageArchiveException Truncated(string name, long got, long expected) =>
        new($"{Source} is truncated: \"{name}\" has {got} of its {expected} bytes");

    private static string ParentOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>"./a//b/../c" → "a/c"; ".." never climbs above the archive's root (pure).</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
