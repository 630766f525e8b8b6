using System.Net;
using System.Text.Json;
using Berth.Images.Manifest;

namespace Berth.Images.Distribution;

public sealed partial class RegistryClient
{
    private string? CachedAuthorization(RegistryRequest request)
    {
        if (_tokens.TryGetValue(TokenKey(request.Host, request.Scope), out var token) && token.IsValid) return "Bearer " + token.Token;
        return _basic.TryGetValue(request.Host, out string? basic) ? basic : null;
    }

    private static string TokenKey(string host, string scope) => host + "|" + scope;

    /// <summary>
    /// Answers a 401: for Bearer, asks the token server named by realm for a token for the request's scope
    /// (with Basic credentials when there are some, anonymously otherwise); for Basic, uses the credentials.
    /// Returns the Authorization header value, or null when there is nothing to offer.
    /// </summary>
    private async Task<string?> AuthenticateAsync(RegistryRequest request, List<AuthChallenge> challenges, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var bearer = challenges.FirstOrDefault(c => c.IsBearer);
        if (bearer is not null)
        {
            string scope = request.Scope.Length > 0 ? request.Scope : bearer["scope"] ?? "";
            var token = await FetchTokenAsync(request, bearer, scope, credential, cancellationToken);
            _tokens[TokenKey(request.Host, request.Scope)] = token;
            return "Bearer " + token.Token;
        }
        if (credential is null || !challenges.Any(c => c.IsBasic)) return null;
        return _basic[request.Host] = "Basic " + credential.BasicValue;
    }

    private async Task<CachedToken> FetchTokenAsync(RegistryRequest request, AuthChallenge challenge, string scope, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        string realm = challenge["realm"] ?? throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: {request.Host} asked for a Bearer token but named no realm");
        if (!Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || realmUri.Scheme is not ("https" or "http"))
        {
            throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: token realm \"{realm}\" is not an http(s) URL");
        }
        var query = new List<string>();
        if (challenge["service"] is { } service) query.Add("service=" + Uri.EscapeDataString(service));
        if (scope.Length > 0) query.Add("scope=" + Uri.EscapeDataString(scope));
        if (credential is not null) query.Add("account=" + Uri.EscapeDataString(credential.Username));
        var uri = new UriBuilder(realmUri) { Query = string.Join("&", query) }.Uri;
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credential is not null) message.Headers.TryAddWithoutValidation("Authorization", "Basic " + credential.BasicValue);
        var tokenRequest = request with { Operation = $"{request.Operation}: token from {realmUri.Authority}" };
        using var response = await SendRawAsync(message, tokenRequest, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) throw Unauthorized(request, credential);
        await EnsureSuccessAsync(response, tokenRequest, RegistryErrorKind.Protocol, cancellationToken);
        return await ReadTokenAsync(response, tokenRequest, cancellationToken);
    }

    private static async Task<CachedToken> ReadTokenAsync(HttpResponseMessage response, RegistryRequest request, CancellationToken cancellationToken)
    {
        TokenResponse? body;
        try
        {
            body = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), ImagesJsonContext.Default.TokenResponse);
        }
        catch (JsonException e)
        {
            throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: the token server's answer is not JSON: {e.Message}", e);
        }
        string token = body?.Token ?? body?.AccessToken
            ?? throw new RegistryException(RegistryErrorKind.Protocol, $"{request.Operation}: the token server's answer has no token");
        int lifetime = Math.Max(body!.ExpiresIn ?? 60, 60);
        return new CachedToken(token, DateTimeOffset.UtcNow.AddSeconds(lifetime - 10));
    }

    public async Task CheckCredentialAsync(string registry, RegistryCredential credential, CancellationToken cancellationToken)
    {
        Uri baseUri = await EndpointAsync(registry, cancellationToken);
        var request = new RegistryRequest(HttpMethod.Get, registry, "v2/", $"login {registry}");
        using var first = await SendFollowingRedirectsAsync(request, new Uri(baseUri, "v2/"), baseUri, null, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Unauthorized)
        {
            await EnsureSuccessAsync(first, request, RegistryErrorKind.Protocol, cancellationToken);
            return;
        }
        var challenges = Challenges(first);
        var bearer = challenges.FirstOrDefault(c => c.IsBearer);
        if (bearer is not null)
        {
            await FetchTokenAsync(request, bearer, "", credential, cancellationToken);
            return;
        }
        using var second = await SendFollowingRedirectsAsync(request, new Uri(baseUri, "v2/"), baseUri, "Basic " + credential.BasicValue, cancellationToken);
        if (second.StatusCode == HttpStatusCode.Unauthorized) throw Unauthorized(request, credential);
        await EnsureSuccessAsync(second, request, RegistryErrorKind.Protocol, cancellationToken);
    }
}
