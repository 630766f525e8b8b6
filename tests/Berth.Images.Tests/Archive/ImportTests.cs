using Berth.Images.Archive;
using Berth.Images.Content;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Images.Tests.Fakes;
using static Berth.Images.Tests.Archive.ArchiveFixture;

namespace Berth.Images.Tests.Archive;

public sealed class ImportTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ImageStore _store;

    public ImportTests() => _store = new ImageStore(_root.Path);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_rootfs_tarball_becomes_a_one_layer_image_with_config_and_history()
    {
        var options = new ImportOptions
        {
            Name = "docker.io/library/mine:1",
            Platform = Platform.Parse("linux/arm/v7"),
            Message = "from a test",
            Changes = ["CMD [\"/bin/tool\", \"-x\"]", "ENV A=1 B=\"two\"", "WORKDIR /srv", "EXPOSE 80 53/udp", "LABEL k=v"],
        };
        var image = await new ImageImporter(_store).ImportAsync(new MemoryStream(RootfsTar), "tarball t.tar", options, default);
        Assert.Equal(["docker.io/library/mine:1"], image.Names);
        Assert.Equal([Digest.Sha256(RootfsTar).ToString()], image.DiffIds);
        Assert.Equal(MediaTypes.OciLayerGzip, Assert.Single(image.Layers).MediaType);
        Assert.Equal(5000, new FileInfo(Path.Combine(_store.Layers.PathOf(image.DiffIds[0]), "bin/tool")).Length);
        var config = _store.ReadConfig(image);
        Assert.Equal(("linux", "arm", "v7"), (config.Os, config.Architecture, config.Variant));
        Assert.Equal(["/bin/tool", "-x"], config.Config!.Cmd);
        Assert.Equal(["A=1", "B=two"], config.Config.Env);
        Assert.Equal("/srv", config.Config.WorkingDir);
        Assert.Equal(["80/tcp", "53/udp"], config.Config.ExposedPorts!.Keys);
        Assert.Equal("v", config.Config.Labels!["k"]);
        Assert.Equal("from a test", Assert.Single(config.History!).Comment);
        Assert.Equal(image.DiffIds, config.RootFs!.DiffIds);
        var manifest = ManifestDocument.Parse(_store.Content.Read(Digest.Parse(image.ManifestDigest)), null, "test").Manifest!;
        Assert.Equal(image.Id, manifest.Config.Digest);
    }

    [Fact]
    public async Task A_gzipped_tarball_gives_the_same_layer()
    {
        var plain = await ImportAsync(_store, "docker.io/library/a:1");
        var gzipped = await ImportAsync(_store, "docker.io/library/b:1", TestImage.Gzip(RootfsTar));
        Assert.Equal(plain.DiffIds, gzipped.DiffIds);
    }

    [Fact]
    public async Task Input_that_is_not_a_tar_stores_nothing()
    {
        var e = await Assert.ThrowsAsync<ImageArchiveException>(() => ImportAsync(_store, tar: TestImage.RandomBytes(3000)));
        Assert.StartsWith("tarball test is not a usable rootfs tarball:", e.Message);
        AssertEmpty(_store);
        var truncated = await Assert.ThrowsAsync<ImageArchiveException>(() => ImportAsync(_store, tar: RootfsTar[..1500]));
        Assert.Contains("truncated", truncated.Message);
        AssertEmpty(_store);
        Assert.Equal("tarball test is empty", (await Assert.ThrowsAsync<ImageArchiveException>(() => ImportAsync(_store, tar: []))).Message);
        AssertEmpty(_store);
    }

    [Theory]
    [InlineData("CMD echo hi", "Cmd", "/bin/sh|-c|echo hi")]
    [InlineData("entrypoint [\"/a\",\"b\"]", "Entrypoint", "/a|b")]
    [InlineData("ENV PATH /usr/bin:/bin", "Env", "PATH=/usr/bin:/bin")]
    [InlineData("VOLUME [\"/data\", \"/logs\"]", "Volumes", "/data|/logs")]
    public void Changes_follow_dockerfile_forms(string change, string field, string expected)
    {
        var config = new ContainerConfig();
        ImportChanges.Apply(config, change);
        var actual = field switch
        {
            "Cmd" => config.Cmd,
            "Entrypoint" => config.Entrypoint,
            "Env" => config.Env,
            _ => config.Volumes!.Keys.ToList(),
        };
        Assert.Equal(expected.Split('|'), actual);
    }

    [Theory]
    [InlineData("RUN make", "RUN is not supported by import")]
    [InlineData("CMD", "CMD needs an argument")]
    [InlineData("CMD [1]", "expected a JSON array of strings")]
    [InlineData("LABEL nokey", "expected KEY=VALUE")]
    public void Bad_changes_are_refused_with_the_reason(string change, string reason)
    {
        var e = Assert.Throws<ImageArchiveException>(() => ImportChanges.Apply(new ContainerConfig(), change));
        Assert.Contains(reason, e.Message);
    }
}
