using Berth.Engine.State;
using Berth.Engine.Volumes;

namespace Berth.Engine.Tests;

public class VolumeManagerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ContainerStore _containers;
    private readonly VolumeManager _volumes;

    public VolumeManagerTests()
    {
        var paths = new EnginePaths(_dir.Path, _dir.Combine("run"));
        _containers = new ContainerStore(paths.Database);
        _volumes = new VolumeManager(paths, new VolumeStore(_containers.Connection));
    }

    public void Dispose()
    {
        _containers.Dispose();
        _dir.Dispose();
    }

    private void AddContainer(string id) => _containers.Insert(new ContainerRecord
    {
        Id = id, Name = "c" + id, Image = "i", ImageId = "sha256:1", Config = "{}", Created = DateTimeOffset.UtcNow, BundlePath = "/b", LogPath = "/l", RuntimePath = "/r",
    });

    [Fact]
    public void CreateIsIdempotentAndMakesDockersLayout()
    {
        var v = _volumes.Create("data", null, new() { ["a"] = "b" }, []);
        Assert.True(Directory.Exists(_dir.Combine("volumes/data/_data")));
        Assert.Equal("b", _volumes.Get("data").Labels["a"]);
        Assert.Equal(v.CreatedAt.ToUnixTimeSeconds(), _volumes.Create("data", "local", [], []).CreatedAt.ToUnixTimeSeconds());
        Assert.Equal(64, _volumes.Create(null, null, [], []).Name.Length);
        Assert.Contains("invalid characters", Assert.Throws<InvalidOptionException>(() => _volumes.Create("a/b", null, [], [])).Message);
        Assert.Contains("not found", Assert.Throws<EngineException>(() => _volumes.Create("x1", "nfs", [], [])).Message);
        Assert.Contains("not supported yet", Assert.Throws<InvalidOptionException>(() => _volumes.Create("x2", null, [], new() { ["type"] = "tmpfs" })).Message);
        Assert.Null(_volumes.Store.Find("x2"));
    }

    [Fact]
    public void InUseVolumesAreNotRemovedAndReleaseRemovesOnlyAnonymousOnes()
    {
        AddContainer("c1");
        var (named, created) = _volumes.Use("keep", "c1");
        var (anonymous, _) = _volumes.Use(null, "c1");
        Assert.True(created);
        Assert.True(anonymous.Anonymous);
        var e = Assert.Throws<EngineException>(() => _volumes.Remove("keep", force: true));
        Assert.Equal("remove keep: volume is in use - [c1]", e.Message);
        Assert.Empty(_volumes.Prune(all: true, _ => true).Removed);
        _containers.Delete("c1");
        _volumes.Release("c1", removeAnonymous: true);
        Assert.NotNull(_volumes.Store.Find(named.Name));
        Assert.Null(_volumes.Store.Find(anonymous.Name));
        Assert.False(Directory.Exists(_dir.Combine("volumes/" + anonymous.Name)));
        _volumes.Remove("keep", force: false);
        Assert.False(Directory.Exists(_dir.Combine("volumes/keep")));
        Assert.Throws<VolumeNotFoundException>(() => _volumes.Remove("keep", force: false));
        _volumes.Remove("keep", force: true);
    }

    [Fact]
    public void AUseByAContainerThatIsGoneDoesNotCount()
    {
        _volumes.Use("stale", "no-such-container");
        Assert.Empty(_volumes.Users("stale"));
        _volumes.Remove("stale", force: false);
    }

    [Fact]
    public void PruneTakesUnusedAnonymousVolumesUnlessAll()
    {
        AddContainer("c2");
        _volumes.Create("named", null, [], []);
        var (anonymous, _) = _volumes.Use(null, "gone");
        var (used, _) = _volumes.Use(null, "c2");
        File.WriteAllText(Path.Combine(_volumes.DataPath(anonymous.Name), "f"), "12345");
        var (removed, freed) = _volumes.Prune(all: false, _ => true);
        Assert.Equal([anonymous.Name], removed);
        Assert.Equal(5, freed);
        Assert.Equal(["named"], _volumes.Prune(all: true, _ => true).Removed);
        Assert.NotNull(_volumes.Store.Find(used.Name));
    }

    [Fact]
    public void RemoveIfUnusedLeavesAVolumeAnotherContainerTook()
    {
        AddContainer("c3");
        _volumes.Create("taken", null, [], []);
        _volumes.Use("taken", "c3");
        _volumes.Create("free", null, [], []);
        _volumes.RemoveIfUnused("taken");
        _volumes.RemoveIfUnused("free");
        _volumes.RemoveIfUnused("never-existed");
        Assert.NotNull(_volumes.Store.Find("taken"));
        Assert.Null(_volumes.Store.Find("free"));
        Assert.False(Directory.Exists(_dir.Combine("volumes/free")));
    }

    [Fact]
    public void UsageCountsLinksAndFileBytesWithoutFollowingSymlinks()
    {
        AddContainer("c4");
        _volumes.Use("sized", "c4");
        string data = _volumes.DataPath("sized");
        Directory.CreateDirectory(Path.Combine(data, "sub"));
        File.WriteAllText(Path.Combine(data, "sub", ".hidden"), "1234567");
        File.WriteAllText(Path.Combine(data, "a"), "123");
        File.CreateSymbolicLink(Path.Combine(data, "to-root"), "/");
        Directory.CreateSymbolicLink(Path.Combine(data, "to-usr"), "/usr");
        _volumes.Create("empty", null, [], []);
        var usage = _volumes.Usage().ToDictionary(u => u.Volume.Name);
        Assert.Equal((1, 10L, data), (usage["sized"].Links, usage["sized"].Size, usage["sized"].Mountpoint));
        Assert.Equal(["c4"], usage["sized"].Containers);
        Assert.Equal((0, 0L), (usage["empty"].Links, usage["empty"].Size));
    }
}
