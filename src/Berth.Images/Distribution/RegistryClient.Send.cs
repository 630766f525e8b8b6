using System.Net;
using System.Text.Json;
using Berth.Images.Manifest;

namespace Berth.Images.Distribution;

public sealed partial class RegistryClient
{
    /// <summary>Sends with cached credentials; on 401 authenticates as the challenge asks and sends once more.</summary>
    private async Task<HttpResponseMessage> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        Uri baseUri = await EndpointAsync(request.Host, cancellationToken);
        Uri uri = request.AbsoluteUri ?? new Uri(baseUri, request.PathAndQuery);
        var response = await SendFollowingRedirectsAsync(request, uri, baseUri, CachedAuthorization(request), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        var challenges = Challenges(response);
        response.Dispose();
        var credential = _options.Credentials(request.Host);
        string? authorization = await AuthenticateAsync(request, challenges, credential, cancellationToken);
        if (authorization is null) throw Unauthorized(request, credential);
        response = await SendFollowingRedirectsAsync(request, uri, baseUri, authorization, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        throw Unauthorized(request, credential);
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(RegistryRequest request, Uri uri, Uri registry, string? authorization, CancellationToken cancellationToken)
    {
        HttpMethod method = request.Method;
        for (int hop = 0; hop <= MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(method, uri);
            // Authorization only to the registry itself: a redirect to a CDN or object store must not carry it.
            if (authorization is not null && SameOrigin(uri, registry)) message.Headers.TryAddWithoutValidation("Authorization", authorization);
            foreach (string type in request.Accept ?? []) message.Headers.Accept.ParseAdd(type);
            if (request.Content is not null && method != HttpMethod.Get && method != HttpMethod.Head) message.Content = request.Content();
            var response = await SendRawAsync(message, request, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null) return response;
            var next = new Uri(uri, response.Headers.Location);
            bool seeOther = response.StatusCode == HttpStatusCode.SeeOther;
            response.Dispose();
            if (next.Scheme == "http" && !IsInsecure(next.Authority))
            {
                throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: the registry redirected to plain-HTTP {next.GetLeftPart(UriPartial.Path)}; refusing (name the host in BERTH_INSECURE_REGISTRIES to allow it)");
            }
            if (seeOther) method = HttpMethod.Get;
            uri = next;
        }
        throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: more than {MaxRedirects} redirects");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, RegistryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ClientFor(message.RequestUri!).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"{request.Operation}: cannot reach {message.RequestUri!.Authority}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"{request.Operation}: {message.RequestUri!.Authority} did not answer in time", e);
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static List<AuthChallenge> Challenges(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) ? WwwAuthenticateParser.Parse(values) : [];

    private static RegistryException Unauthorized(RegistryRequest request, RegistryCredential? credential) =>
        new(RegistryErrorKind.Unauthorized, credential is null
            ? $"{request.Operation}: unauthorized: {request.Host} requires authentication (run 'berth login {request.Host}')"
            : $"{request.Operation}: unauthorized: {request.Host} refused the credentials of user \"{credential.Username}\" (wrong username or password? run 'berth login {request.Host}')");

    /// <summary>Turns a non-success answer into a <see cref="RegistryException"/> with the registry's own error text.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, RegistryRequest request, RegistryErrorKind notFound, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var errors = await ReadErrorsAsync(response, cancellationToken);
        string? code = errors.FirstOrDefault()?.Code;
        string detail = errors.Count == 0 ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : string.Join("; ", errors.Select(e => e.Message ?? e.Code));
        var (kind, text) = (response.StatusCode, code) switch
        {
            (_, "NAME_UNKNOWN") => (RegistryErrorKind.NameUnknown, $"repository not found on {request.Host}"),
            (_, "MANIFEST_UNKNOWN") => (RegistryErrorKind.ManifestUnknown, $"manifest unknown: no such image or tag on {request.Host}"),
            (_, "BLOB_UNKNOWN") => (RegistryErrorKind.BlobUnknown, $"blob unknown to {request.Host}"),
            (HttpStatusCode.NotFound, _) when notFound == RegistryErrorKind.ManifestUnknown => (notFound, $"manifest unknown: no such image or tag on {request.Host}"),
            (HttpStatusCode.NotFound, _) => (notFound, $"not found on {request.Host} ({detail})"),
            (HttpStatusCode.Forbidden, _) => (RegistryErrorKind.Denied, $"access denied by {request.Host}: {detail}"),
            (HttpStatusCode.TooManyRequests, _) => (RegistryErrorKind.TooManyRequests, $"{request.Host} limits the request rate: {detail}"),
            _ => (RegistryErrorKind.Protocol, $"{request.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}"),
        };
        throw new RegistryException(kind, $"{request.Operation}: {text}");
    }

    private static async Task<List<RegistryError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0 || body.Length > 64 * 1024) return [];
            return JsonSerializer.Deserialize(body, ImagesJsonContext.Default.RegistryErrorBody)?.Errors ?? [];
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return [];
        }
    }
}
