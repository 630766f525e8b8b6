using Berth.Images.Reference;

namespace Berth.Images.Tests.Reference;

/// <summary>Cases from docker/distribution reference/reference_test.go and normalize_test.go.</summary>
public class ImageReferenceTests
{
    private const string Sha = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    [Theory]
    [InlineData("test_com", "", "test_com", null)]
    [InlineData("test.com:tag", "", "test.com", "tag")]
    [InlineData("test.com:5000", "", "test.com", "5000")]
    [InlineData("test.com/repo:tag", "test.com", "repo", "tag")]
    [InlineData("test:5000/repo", "test:5000", "repo", null)]
    [InlineData("test:5000/repo:tag", "test:5000", "repo", "tag")]
    [InlineData("lowercase:Uppercase", "", "lowercase", "Uppercase")]
    [InlineData("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux", null)]
    [InlineData("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux", "some-long-tag")]
    [InlineData("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app", "test.example.com")]
    [InlineData("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com")]
    [InlineData("foo_bar.com:8080", "", "foo_bar.com", "8080")]
    [InlineData("foo/foo_bar.com:8080", "foo", "foo_bar.com", "8080")]
    [InlineData("192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050")]
    [InlineData("[2001:db8::1]/repo", "[2001:db8::1]", "repo", null)]
    [InlineData("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000", "repo", "tag")]
    [InlineData("[::1]:5000/repo", "[::1]:5000", "repo", null)]
    public void ParseExact_splits_domain_path_and_tag(string input, string domain, string path, string? tag)
    {
        var reference = ImageReference.ParseExact(input);
        Assert.Equal((domain, path, tag), (reference.Domain, reference.Path, reference.Tag));
        Assert.Null(reference.Digest);
    }

    [Fact]
    public void ParseExact_reads_tag_and_digest_together()
    {
        var reference = ImageReference.ParseExact("test:5000/repo:tag@" + Sha);
        Assert.Equal(("test:5000", "repo", "tag", Sha), (reference.Domain, reference.Path, reference.Tag, reference.Digest.ToString()));
    }

    [Theory]
    [InlineData("", "at least one component")]
    [InlineData(":justtag", "invalid reference format")]
    [InlineData("@" + Sha, "invalid reference format")]
    [InlineData("repo@sha256:ffffffffffffffffffffffffffffffffff", "digest length")]
    [InlineData("validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "unsupported digest algorithm")]
    [InlineData("Uppercase:tag", "must be lowercase")]
    [InlineData("aa/asdf$$^/aa", "invalid reference format")]
    [InlineData("[2001:db8::1]", "invalid reference format")]
    [InlineData("[2001:db8::1]:5000", "invalid reference format")]
    [InlineData("[fe80::1%eth0]:5000/repo", "invalid reference format")]
    public void ParseExact_rejects_with_a_reason(string input, string reason)
    {
        var e = Assert.Throws<InvalidReferenceException>(() => ImageReference.ParseExact(input));
        Assert.Contains(reason, e.Message);
        Assert.Contains($"\"{input}\"", e.Message);
    }

    [Fact]
    public void Names_longer_than_255_are_rejected()
    {
        Assert.Contains("255", Assert.Throws<InvalidReferenceException>(() => ImageReference.ParseExact(string.Concat(Enumerable.Repeat("a/", 128)) + "a:tag")).Message);
        Assert.Equal("a", ImageReference.ParseExact(string.Concat(Enumerable.Repeat("a/", 127)) + "a:tag-puts-this-over-max").Domain);
    }

    [Theory]
    [InlineData("alpine", "docker.io/library/alpine:latest", "alpine:latest")]
    [InlineData("docker/docker", "docker.io/docker/docker:latest", "docker/docker:latest")]
    [InlineData("library/debian", "docker.io/library/debian:latest", "debian:latest")]
    [InlineData("docker.io/debian", "docker.io/library/debian:latest", "debian:latest")]
    [InlineData("index.docker.io/docker/docker", "docker.io/docker/docker:latest", "docker/docker:latest")]
    [InlineData("index.docker.io/debian:12", "docker.io/library/debian:12", "debian:12")]
    [InlineData("localhost/debian", "localhost/debian:latest", "localhost/debian:latest")]
    [InlineData("localhost:5000/library/debian", "localhost:5000/library/debian:latest", "localhost:5000/library/debian:latest")]
    [InlineData("127.0.0.1:5000/debian:x", "127.0.0.1:5000/debian:x", "127.0.0.1:5000/debian:x")]
    [InlineData("registry.com:8080/myapp", "registry.com:8080/myapp:latest", "registry.com:8080/myapp:latest")]
    [InlineData("alpine@" + Sha, "docker.io/library/alpine@" + Sha, "alpine@" + Sha)]
    public void Parse_normalises_like_docker(string input, string full, string familiar)
    {
        var reference = ImageReference.Parse(input);
        Assert.Equal(full, reference.ToString());
        Assert.Equal(familiar, reference.FamiliarString);
    }

    [Theory]
    [InlineData("https://github.com/docker/docker")]
    [InlineData("docker/Docker")]
    [InlineData("-docker")]
    [InlineData("-docker/docker")]
    [InlineData("-docker.io/docker/docker")]
    [InlineData("docker///docker")]
    [InlineData("docker.io/docker/Docker")]
    [InlineData("docker.io/docker///docker")]
    [InlineData("1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a")]
    public void Parse_rejects_invalid_names(string input)
    {
        Assert.Throws<InvalidReferenceException>(() => ImageReference.Parse(input));
    }

    [Fact]
    public void Docker_hub_api_host_is_registry_1()
    {
        Assert.Equal("registry-1.docker.io", ImageReference.Parse("alpine").RegistryHost);
        Assert.Equal("127.0.0.1:5000", ImageReference.Parse("127.0.0.1:5000/a").RegistryHost);
    }

    [Theory]
    [InlineData("sha256:abc", false)]
    [InlineData("sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", false)]
    [InlineData(Sha, true)]
    [InlineData("md5:ffffffffffffffffffffffffffffffff", false)]
    public void Digest_validation(string text, bool valid)
    {
        Assert.Equal(valid, Digest.TryParse(text, out _, out _));
    }
}
