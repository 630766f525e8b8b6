using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Distribution;

public sealed partial class RegistryClient
{
    public async Task<ManifestDocument> GetManifestAsync(ImageReference repository, string tagOrDigest, CancellationToken cancellationToken)
    {
        bool byDigest = tagOrDigest.Contains(':');
        string shown = repository.Name + (byDigest ? "@" : ":") + tagOrDigest;
        var request = new RegistryRequest(HttpMethod.Get, repository.RegistryHost, $"v2/{repository.Path}/manifests/{tagOrDigest}", $"pull {shown}")
        {
            Repository = repository.Path,
            Accept = MediaTypes.AcceptedManifests,
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, RegistryErrorKind.ManifestUnknown, cancellationToken);
        byte[] bytes = await ReadLimitedAsync(response, request, cancellationToken);
        var expected = byDigest ? Digest.Parse(tagOrDigest) : HeaderDigest(response);
        if (expected is { } want && !ContentVerifier.Matches(want, bytes))
        {
            throw new RegistryException(RegistryErrorKind.DigestMismatch,
                $"{request.Operation}: digest mismatch: the manifest received hashes to {ContentVerifier.Compute(want, bytes)}, expected {want}");
        }
        return ManifestDocument.Parse(bytes, response.Content.Headers.ContentType?.MediaType, shown);
    }

    /// <summary>Docker-Content-Digest, when the registry sends a well-formed one.</summary>
    private static Digest? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Docker-Content-Digest", out var values)
        && Digest.TryParse(values.First().Trim(), out var digest, out _) ? digest : null;

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, RegistryRequest request, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _options.MaxManifestBytes) throw TooLarge(request);
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > _options.MaxManifestBytes) throw TooLarge(request);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"{request.Operation}: connection lost while reading the manifest: {e.Message}", e);
        }
        return buffer.ToArray();
    }

    private RegistryException TooLarge(RegistryRequest request) =>
        new(RegistryErrorKind.Protocol, $"{request.Operation}: manifest larger than {_options.MaxManifestBytes} bytes; refusing it");
}
