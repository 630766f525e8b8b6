using System.Net;
using System.Text;
using Berth.Images.Distribution;
using Berth.Images.Reference;

namespace Berth.Images.Tests.Fakes;

/// <summary>
/// An in-process registry behind an <see cref="HttpMessageHandler"/>: manifests and blobs in dictionaries,
/// optional Bearer (token server at https://auth.example/token) or Basic auth, blob redirects to a CDN host,
/// and hooks to corrupt answers. Every request is recorded with its Authorization header.
/// </summary>
public sealed class FakeRegistry : HttpMessageHandler
{
    public const string Host = "registry.example";
    public const string TokenRealm = "https://auth.example/token";
    private readonly Dictionary<string, (byte[] Body, string Type)> _manifests = [];
    private readonly Dictionary<string, byte[]> _blobs = [];

    public List<(HttpMethod Method, Uri Uri, string? Authorization)> Requests { get; } = [];
    public RegistryCredential? RequiredBasic { get; set; }
    public RegistryCredential? RequiredBearer { get; set; }
    public bool AnonymousTokens { get; set; }
    public bool RedirectBlobsToCdn { get; set; }
    public Func<HttpRequestMessage, HttpResponseMessage?>? Override { get; set; }
    public bool Unreachable { get; set; }

    public void AddManifest(string repository, string reference, byte[] body, string type) => _manifests[$"{repository}|{reference}"] = (body, type);

    public byte[] ManifestBytes(string repository, string reference) => _manifests[$"{repository}|{reference}"].Body;

    public Digest AddBlob(byte[] content)
    {
        var digest = Digest.Sha256(content);
        _blobs[digest.ToString()] = content;
        return digest;
    }

    public int Count(string pathPart) => Requests.Count(r => r.Uri.AbsolutePath.Contains(pathPart));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? auth = request.Headers.Authorization?.ToString();
        Requests.Add((request.Method, request.RequestUri!, auth));
        if (Unreachable) throw new HttpRequestException("Connection refused (registry.example:443)");
        var response = Override?.Invoke(request) ?? Route(request, auth);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private HttpResponseMessage Route(HttpRequestMessage request, string? auth)
    {
        var uri = request.RequestUri!;
        if (uri.Host == "auth.example") return Token(auth);
        if (uri.Host == "cdn.example") return BlobResponse(uri.AbsolutePath.Split('/')[^1], request.Method);
        if (!Authorized(auth)) return Challenge();
        string path = uri.AbsolutePath;
        if (path == "/v2/") return new HttpResponseMessage(HttpStatusCode.OK);
        int m = path.IndexOf("/manifests/", StringComparison.Ordinal);
        if (m > 0) return ManifestResponse(path[4..m], path[(m + 11)..]);
        int b = path.IndexOf("/blobs/", StringComparison.Ordinal);
        if (b > 0 && RedirectBlobsToCdn) return Redirect($"https://cdn.example/content/{path[(b + 7)..]}");
        if (b > 0) return BlobResponse(path[(b + 7)..], request.Method);
        return Error(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private bool Authorized(string? auth)
    {
        if (RequiredBasic is { } basic) return auth == "Basic " + basic.BasicValue;
        if (RequiredBearer is not null || AnonymousTokens) return auth == "Bearer fake-token";
        return true;
    }

    private HttpResponseMessage Challenge()
    {
        var response = Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        string value = RequiredBasic is not null ? "Basic realm=\"fake\"" : $"Bearer realm=\"{TokenRealm}\",service=\"{Host}\",scope=\"repository:x:pull\"";
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", value);
        return response;
    }

    private HttpResponseMessage Token(string? auth)
    {
        bool ok = AnonymousTokens && auth is null || RequiredBearer is { } c && auth == "Basic " + c.BasicValue;
        if (!ok) return Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        return Json("{\"token\":\"fake-token\",\"expires_in\":300}");
    }

    private HttpResponseMessage ManifestResponse(string repository, string reference)
    {
        if (!_manifests.TryGetValue($"{repository}|{reference}", out var manifest)) return Error(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(manifest.Body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", manifest.Type);
        response.Headers.TryAddWithoutValidation("Docker-Content-Digest", Digest.Sha256(manifest.Body).ToString());
        return response;
    }

    private HttpResponseMessage BlobResponse(string digest, HttpMethod method)
    {
        if (!_blobs.TryGetValue(digest, out var blob)) return Error(HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(method == HttpMethod.Head ? [] : blob) };
        return response;
    }

    public static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location = new Uri(location);
        return response;
    }

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string code) =>
        new(status) { Content = new StringContent($"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{code.ToLowerInvariant().Replace('_', ' ')}\"}}]}}", Encoding.UTF8, "application/json") };
}
