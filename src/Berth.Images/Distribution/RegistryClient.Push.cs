using System.Net;
using System.Net.Http.Headers;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Distribution;

public sealed partial class RegistryClient
{
    public async Task<bool> BlobExistsAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken)
    {
        var request = PushRequest(HttpMethod.Head, repository, $"v2/{repository.Path}/blobs/{blob.Digest}", $"push {repository.Name}: check blob {blob.ShortDigest}");
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccessAsync(response, request, RegistryErrorKind.BlobUnknown, cancellationToken);
        return true;
    }

    /// <summary>Monolithic upload (distribution spec "POST then PUT"): open a session, PUT the file with ?digest=.</summary>
    public async Task UploadBlobAsync(ImageReference repository, Descriptor blob, string sourcePath, CancellationToken cancellationToken)
    {
        string operation = $"push {repository.Name}: upload blob {blob.ShortDigest}";
        var start = PushRequest(HttpMethod.Post, repository, $"v2/{repository.Path}/blobs/uploads/", operation) with
        {
            Content = () => new ByteArrayContent([]),
        };
        Uri location;
        using (var response = await SendAsync(start, cancellationToken))
        {
            await EnsureSuccessAsync(response, start, RegistryErrorKind.NameUnknown, cancellationToken);
            var header = response.Headers.Location
                ?? throw new RegistryException(RegistryErrorKind.Protocol, $"{operation}: the registry opened an upload without a Location");
            location = new Uri(await EndpointAsync(repository.RegistryHost, cancellationToken), header);
        }
        string separator = location.Query.Length > 0 ? "&" : "?";
        var put = PushRequest(HttpMethod.Put, repository, "", operation) with
        {
            AbsoluteUri = new Uri(location + separator + "digest=" + Uri.EscapeDataString(blob.Digest)),
            Content = () => FileContent(sourcePath, blob.Size),
        };
        using var done = await SendAsync(put, cancellationToken);
        await EnsureSuccessAsync(done, put, RegistryErrorKind.BlobUnknown, cancellationToken);
    }

    public async Task<Digest> PutManifestAsync(ImageReference repository, string tagOrDigest, string mediaType, byte[] bytes, CancellationToken cancellationToken)
    {
        var request = PushRequest(HttpMethod.Put, repository, $"v2/{repository.Path}/manifests/{tagOrDigest}", $"push {repository.Name}:{tagOrDigest}") with
        {
            Content = () =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return content;
            },
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, RegistryErrorKind.ManifestUnknown, cancellationToken);
        return Digest.Sha256(bytes);
    }

    private static RegistryRequest PushRequest(HttpMethod method, ImageReference repository, string path, string operation) =>
        new(method, repository.RegistryHost, path, operation) { Repository = repository.Path, Actions = "pull,push" };

    private static StreamContent FileContent(string path, long size)
    {
        var content = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024, FileOptions.Asynchronous));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = size;
        return content;
    }
}
