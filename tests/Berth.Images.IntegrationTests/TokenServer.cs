using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Berth.Images.IntegrationTests;

/// <summary>
/// A minimal token server (Docker registry token authentication spec) on 127.0.0.1: it checks Basic
/// credentials and answers {"token": JWT} where the JWT (RS256) grants the requested repository actions.
/// The JWT header carries the signing certificate in "x5c"; the registry verifies it against the same
/// self-signed certificate given as its rootcertbundle. Counts the token requests it served.
/// </summary>
public sealed class TokenServer : IDisposable
{
    public const string Service = "berth-test-service";
    public const string Issuer = "berth-test-issuer";
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly HttpListener _listener = new();
    private readonly string _user, _password;
    private int _issued;

    public TokenServer(string user, string password)
    {
        (_user, _password) = (user, password);
        var request = new CertificateRequest("CN=berth-test-token", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        int port = LocalRegistry.FreePort();
        Realm = $"http://127.0.0.1:{port}/token";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Realm { get; }
    public string CertificatePem => _certificate.ExportCertificatePem();
    public int Issued => _issued;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        string? auth = context.Request.Headers["Authorization"];
        string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_user}:{_password}"));
        byte[] body;
        if (auth != expected)
        {
            context.Response.StatusCode = 401;
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"u8.ToArray();
        }
        else
        {
            Interlocked.Increment(ref _issued);
            string token = Jwt(context.Request.QueryString["scope"] ?? "");
            body = Encoding.UTF8.GetBytes($"{{\"token\":\"{token}\",\"access_token\":\"{token}\",\"expires_in\":300}}");
        }
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(body);
        context.Response.Close();
    }

    private string Jwt(string scopes)
    {
        var access = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope =>
        {
            string[] parts = scope.Split(':');
            string actions = string.Join(",", parts[^1].Split(',').Select(a => $"\"{a}\""));
            return $"{{\"type\":\"{parts[0]}\",\"name\":\"{string.Join(':', parts[1..^1])}\",\"actions\":[{actions}]}}";
        });
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string header = $"{{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"{Convert.ToBase64String(_certificate.RawData)}\"]}}";
        string claims = $"{{\"iss\":\"{Issuer}\",\"sub\":\"{_user}\",\"aud\":\"{Service}\",\"exp\":{now + 300},\"nbf\":{now - 10},\"iat\":{now},\"jti\":\"{Guid.NewGuid():N}\",\"access\":[{string.Join(",", access)}]}}";
        string signingInput = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(claims));
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _certificate.Dispose();
        _key.Dispose();
    }
}
