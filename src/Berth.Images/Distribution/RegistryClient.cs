using System.Collections.Concurrent;
using System.Net;

namespace Berth.Images.Distribution;

/// <summary>
/// The registry client: HTTPS through a <see cref="SocketsHttpHandler"/> that never follows redirects by
/// itself (Berth follows them and drops Authorization when the host changes, so a token for the registry
/// never reaches a CDN), Bearer and Basic authentication on demand (a request is first sent with what is
/// cached; a 401 names the scheme), and digest/size verification of everything fetched.
/// Partial files: Send (redirects, errors), Auth (challenges, tokens), Manifests, Blobs, Push.
/// </summary>
public sealed partial class RegistryClient : IRegistryClient, IDisposable
{
    private const int MaxRedirects = 10;
    private readonly RegistryOptions _options;
    private readonly HttpClient _verifying;
    private readonly Lazy<HttpClient> _unverified;
    private readonly ConcurrentDictionary<string, Uri> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _basic = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    public RegistryClient(RegistryOptions options)
    {
        _options = options;
        _verifying = CreateClient(verifyTls: true);
        _unverified = new Lazy<HttpClient>(() => CreateClient(verifyTls: false));
    }

    public void Dispose()
    {
        _verifying.Dispose();
        if (_unverified.IsValueCreated) _unverified.Value.Dispose();
    }

    private HttpClient CreateClient(bool verifyTls)
    {
        HttpMessageHandler handler = _options.Handler ?? CreateHandler(verifyTls);
        var client = new HttpClient(handler, disposeHandler: _options.Handler is null) { Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        return client;
    }

    private SocketsHttpHandler CreateHandler(bool verifyTls)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 8,
        };
        if (!verifyTls) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return handler;
    }

    private bool IsInsecure(string host) => RegistryEndpoint.AllowsPlainHttp(host, _options.InsecureRegistries);

    private HttpClient ClientFor(Uri uri) => IsInsecure(uri.Authority) ? _unverified.Value : _verifying;

    /// <summary>https://HOST/, or http://HOST/ for an insecure host whose TLS handshake fails (probed once, remembered).</summary>
    private async Task<Uri> EndpointAsync(string host, CancellationToken cancellationToken)
    {
        if (_endpoints.TryGetValue(host, out var known)) return known;
        var https = RegistryEndpoint.BaseUri(host, plainHttp: false);
        if (!IsInsecure(host)) return _endpoints[host] = https;
        try
        {
            using var probe = new HttpRequestMessage(HttpMethod.Get, new Uri(https, "v2/"));
            using var response = await _unverified.Value.SendAsync(probe, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return _endpoints[host] = https;
        }
        catch (HttpRequestException)
        {
            return _endpoints[host] = RegistryEndpoint.BaseUri(host, plainHttp: true);
        }
    }

    public async Task PingAsync(string registry, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Get, registry, "v2/", $"ping {registry}");
        Uri baseUri = await EndpointAsync(registry, cancellationToken);
        using var response = await SendFollowingRedirectsAsync(request, new Uri(baseUri, "v2/"), baseUri, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized) return;
        await EnsureSuccessAsync(response, request, RegistryErrorKind.Protocol, cancellationToken);
    }
}
