using System.Net;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Distribution;

public class RegistryClientTests : IDisposable
{
    private readonly FakeRegistry _registry = new();
    private readonly TempDirectory _temp = new();
    private static readonly ImageReference Repo = ImageReference.Parse($"{FakeRegistry.Host}/{TestImage.Repository}");
    private RegistryCredential? _credential;

    public void Dispose() => _temp.Dispose();

    private RegistryClient Client() => new(new RegistryOptions { Handler = _registry, Credentials = _ => _credential });

    private string Dest => Path.Combine(_temp.Path, "blob");

    [Fact]
    public async Task Gets_a_manifest_by_tag_with_accept_headers_and_verifies_it()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        Accept? seen = null;
        _registry.Override = r => { seen = new Accept(r.Headers.Accept.Select(a => a.MediaType!).ToList()); return null; };
        var doc = await Client().GetManifestAsync(Repo, "1.0", default);
        Assert.Equal(image.Manifest, doc.Digest);
        Assert.Equal(MediaTypes.AcceptedManifests, seen!.Types);
    }

    private sealed record Accept(List<string> Types);

    [Fact]
    public async Task Unknown_tag_is_manifest_unknown()
    {
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "nope", default));
        Assert.Equal(RegistryErrorKind.ManifestUnknown, e.Kind);
        Assert.Contains("manifest unknown", e.Message);
        Assert.Contains("registry.example/library/busybox:nope", e.Message);
    }

    [Fact]
    public async Task Manifest_by_digest_that_hashes_differently_is_a_digest_mismatch()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        _registry.AddManifest(TestImage.Repository, image.Config.ToString(), "{\"schemaVersion\":2,\"manifests\":[]}"u8.ToArray(), MediaTypes.OciIndex);
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, image.Config.ToString(), default));
        Assert.Equal(RegistryErrorKind.DigestMismatch, e.Kind);
    }

    [Fact]
    public async Task Manifest_that_is_not_json_is_rejected()
    {
        _registry.AddManifest(TestImage.Repository, "html", "<html>captive portal</html>"u8.ToArray(), "text/html");
        _registry.Override = r => r.RequestUri!.AbsolutePath.EndsWith("/html") ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>") } : null;
        var e = await Assert.ThrowsAsync<InvalidManifestException>(() => Client().GetManifestAsync(Repo, "html", default));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public async Task Blob_is_streamed_verified_and_fsynced()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        long last = 0;
        await Client().FetchBlobAsync(Repo, descriptor, Dest, new SyncLong(n => last = n), default);
        Assert.Equal(image.Layer, File.ReadAllBytes(Dest));
        Assert.Equal(image.Layer.Length, last);
    }

    private sealed class SyncLong(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    [Fact]
    public async Task Blob_with_wrong_content_is_a_digest_mismatch_and_leaves_no_file()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        _registry.Override = r => r.RequestUri!.AbsolutePath.Contains("/blobs/") ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[image.Layer.Length]) } : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().FetchBlobAsync(Repo, descriptor, Dest, null, default));
        Assert.Equal(RegistryErrorKind.DigestMismatch, e.Kind);
        Assert.False(File.Exists(Dest));
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(100)]
    public async Task Blob_shorter_or_longer_than_its_descriptor_is_a_size_mismatch(int delta)
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        _registry.Override = r => r.RequestUri!.AbsolutePath.Contains("/blobs/") ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(new byte[image.Layer.Length + delta], fail: false)) } : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().FetchBlobAsync(Repo, descriptor, Dest, null, default));
        Assert.Equal(RegistryErrorKind.SizeMismatch, e.Kind);
        Assert.Contains(delta < 0 ? "truncated" : "more than", e.Message);
        Assert.False(File.Exists(Dest));
    }

    [Fact]
    public async Task Content_length_different_from_the_descriptor_fails_early()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        _registry.Override = r => r.RequestUri!.AbsolutePath.Contains("/blobs/") ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[10]) } : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().FetchBlobAsync(Repo, descriptor, Dest, null, default));
        Assert.Equal(RegistryErrorKind.SizeMismatch, e.Kind);
        Assert.Contains("announces 10 bytes", e.Message);
    }

    [Fact]
    public async Task Connection_cut_mid_blob_is_reported_as_truncated()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        _registry.Override = r => r.RequestUri!.AbsolutePath.Contains("/blobs/") ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(image.Layer[..1000])) } : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().FetchBlobAsync(Repo, descriptor, Dest, null, default));
        Assert.Equal(RegistryErrorKind.SizeMismatch, e.Kind);
        Assert.Contains($"after 1000 of {image.Layer.Length} bytes", e.Message);
    }

    [Fact]
    public async Task Unreachable_registry_is_named()
    {
        _registry.Unreachable = true;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "1.0", default));
        Assert.Equal(RegistryErrorKind.Unreachable, e.Kind);
        Assert.Contains("cannot reach registry.example", e.Message);
    }

    [Fact]
    public async Task Bearer_token_is_fetched_once_per_scope_and_sent()
    {
        TestImage.AddManifest(_registry, "1.0");
        TestImage.AddManifest(_registry, "2.0");
        _registry.AnonymousTokens = true;
        var client = Client();
        await client.GetManifestAsync(Repo, "1.0", default);
        await client.GetManifestAsync(Repo, "2.0", default);
        Assert.Equal(1, _registry.Count("/token"));
        var token = _registry.Requests.Single(r => r.Uri.Host == "auth.example").Uri;
        Assert.Contains("scope=repository%3Alibrary%2Fbusybox%3Apull", token.Query);
        Assert.Contains("service=registry.example", token.Query);
        Assert.Equal("Bearer fake-token", _registry.Requests.Last().Authorization);
    }

    [Fact]
    public async Task Bearer_with_credentials_sends_basic_to_the_token_server()
    {
        TestImage.AddManifest(_registry, "1.0");
        _registry.RequiredBearer = _credential = new RegistryCredential("alice", "s3cret");
        await Client().GetManifestAsync(Repo, "1.0", default);
        Assert.Equal("Basic " + _credential.BasicValue, _registry.Requests.Single(r => r.Uri.Host == "auth.example").Authorization);
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized_naming_the_user()
    {
        TestImage.AddManifest(_registry, "1.0");
        _registry.RequiredBearer = new RegistryCredential("alice", "s3cret");
        _credential = new RegistryCredential("alice", "wrong");
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "1.0", default));
        Assert.Equal(RegistryErrorKind.Unauthorized, e.Kind);
        Assert.Contains("\"alice\"", e.Message);
    }

    [Fact]
    public async Task Basic_auth_without_credentials_says_to_log_in()
    {
        TestImage.AddManifest(_registry, "1.0");
        _registry.RequiredBasic = new RegistryCredential("bob", "pw");
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "1.0", default));
        Assert.Equal(RegistryErrorKind.Unauthorized, e.Kind);
        Assert.Contains("berth login registry.example", e.Message);
        _credential = new RegistryCredential("bob", "pw");
        var doc = await Client().GetManifestAsync(Repo, "1.0", default);
        Assert.False(doc.IsIndex);
    }

    [Fact]
    public async Task Redirect_to_another_host_does_not_carry_authorization()
    {
        var image = TestImage.AddManifest(_registry, "1.0");
        _registry.AnonymousTokens = true;
        _registry.RedirectBlobsToCdn = true;
        var descriptor = new Descriptor { Digest = Digest.Sha256(image.Layer).ToString(), Size = image.Layer.Length };
        await Client().FetchBlobAsync(Repo, descriptor, Dest, null, default);
        var cdn = _registry.Requests.Single(r => r.Uri.Host == "cdn.example");
        Assert.Null(cdn.Authorization);
        Assert.Contains(_registry.Requests, r => r.Uri.Host == FakeRegistry.Host && r.Authorization == "Bearer fake-token" && r.Uri.AbsolutePath.Contains("/blobs/"));
        Assert.Equal(image.Layer, File.ReadAllBytes(Dest));
    }

    [Fact]
    public async Task Redirect_loop_stops()
    {
        _registry.Override = r => FakeRegistry.Redirect($"https://{FakeRegistry.Host}/v2/loop");
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "1.0", default));
        Assert.Contains("redirects", e.Message);
    }

    [Fact]
    public async Task Redirect_to_plain_http_is_refused_for_a_secure_registry()
    {
        _registry.Override = r => r.RequestUri!.Scheme == "https" ? FakeRegistry.Redirect("http://cdn.example/x") : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Client().GetManifestAsync(Repo, "1.0", default));
        Assert.Contains("plain-HTTP", e.Message);
    }

    [Fact]
    public void Plain_http_only_for_loopback_or_named_hosts()
    {
        Assert.True(RegistryEndpoint.AllowsPlainHttp("127.0.0.1:5000", []));
        Assert.True(RegistryEndpoint.AllowsPlainHttp("localhost", []));
        Assert.True(RegistryEndpoint.AllowsPlainHttp("[::1]:5000", []));
        Assert.False(RegistryEndpoint.AllowsPlainHttp("registry.example:5000", []));
        Assert.True(RegistryEndpoint.AllowsPlainHttp("registry.example:5000", ["registry.example"]));
        Assert.False(RegistryEndpoint.AllowsPlainHttp("10.0.0.1:5000", ["10.0.0.2"]));
    }

    private sealed class FailingStream(byte[] prefix, bool fail = true) : Stream
    {
        private int _position;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= prefix.Length && !fail) return 0;
            if (_position >= prefix.Length) throw new IOException("The response ended prematurely.");
            int n = Math.Min(count, prefix.Length - _position);
            Array.Copy(prefix, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
