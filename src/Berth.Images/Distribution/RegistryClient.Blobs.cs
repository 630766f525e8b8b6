using System.Buffers;
using System.Security.Cryptography;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Distribution;

public sealed partial class RegistryClient
{
    private const int CopyBufferSize = 256 * 1024;

    /// <summary>
    /// Streams the blob into a new file, hashing every chunk as it is written and refusing more bytes than
    /// the descriptor's size; at the end the size and digest must match, and the file is fsynced. On any
    /// failure the file is deleted, so nothing unverified is left behind.
    /// </summary>
    public async Task FetchBlobAsync(ImageReference repository, Descriptor blob, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        var request = new RegistryRequest(HttpMethod.Get, repository.RegistryHost, $"v2/{repository.Path}/blobs/{digest}", $"pull {repository.Name} blob {digest.Short}")
        {
            Repository = repository.Path,
        };
        try
        {
            using var response = await SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, request, RegistryErrorKind.BlobUnknown, cancellationToken);
            if (response.Content.Headers.ContentLength is long length && length != blob.Size)
            {
                throw SizeMismatch(request, $"the registry announces {length} bytes, the manifest says {blob.Size}");
            }
            Digest actual = await CopyHashingAsync(response, request, blob.Size, digest, destinationPath, progress, cancellationToken);
            if (actual != digest) throw new RegistryException(RegistryErrorKind.DigestMismatch, $"{request.Operation}: digest mismatch: received content hashes to {actual}, expected {digest}");
        }
        catch
        {
            File.Delete(destinationPath);
            throw;
        }
    }

    private static async Task<Digest> CopyHashingAsync(HttpResponseMessage response, RegistryRequest request, long size, Digest expected, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(ContentVerifier.AlgorithmOf(expected));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long total = 0;
        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            int n;
            while ((n = await ReadChunkAsync(source, buffer, request, total, size, cancellationToken)) > 0)
            {
                if (total + n > size) throw SizeMismatch(request, $"received more than the {size} bytes the manifest says");
                hash.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                total += n;
                progress?.Report(total);
            }
            if (total != size) throw SizeMismatch(request, $"truncated: received {total} of {size} bytes");
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new Digest(expected.Algorithm, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<int> ReadChunkAsync(Stream source, byte[] buffer, RegistryRequest request, long total, long size, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RegistryException(RegistryErrorKind.SizeMismatch, $"{request.Operation}: truncated: the connection ended after {total} of {size} bytes ({e.Message})", e);
        }
    }

    private static RegistryException SizeMismatch(RegistryRequest request, string what) =>
        new(RegistryErrorKind.SizeMismatch, $"{request.Operation}: size mismatch: {what}");
}
