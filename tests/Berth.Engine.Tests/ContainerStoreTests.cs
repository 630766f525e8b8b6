using Berth.Engine.State;

namespace Berth.Engine.Tests;

public class ContainerStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ContainerStore _store;

    public ContainerStoreTests() => _store = new ContainerStore(_dir.Combine("engine.db"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static ContainerRecord Record(string id, string name) => new()
    {
        Id = id.PadRight(64, '0'), Name = name, Image = "busybox", ImageId = "sha256:1", Config = "{}", Created = DateTimeOffset.UtcNow,
        BundlePath = "/b", LogPath = "/l", RuntimePath = "/r",
    };

    [Fact]
    public void InsertFindByIdNameAndPrefix()
    {
        _store.Insert(Record("abc1", "web"));
        _store.Insert(Record("abd2", "db"));
        Assert.Equal("web", _store.Find("abc1".PadRight(64, '0'))!.Name);
        Assert.Equal("db", _store.Find("db")!.Name);
        Assert.Equal("web", _store.Find("abc")!.Name);
        Assert.Null(_store.Find("ffff"));
        Assert.Throws<EngineException>(() => _store.Find("ab"));
        Assert.Throws<ContainerNotFoundException>(() => _store.Get("nope"));
    }

    [Fact]
    public void NamesAreUnique()
    {
        _store.Insert(Record("a1", "web"));
        var e = Assert.Throws<NameInUseException>(() => _store.Insert(Record("b2", "web")));
        Assert.Contains("\"/web\" is already in use", e.Message);
        Assert.Single(_store.List());
    }

    [Fact]
    public void ChangeUpdatesStateAndDeleteRemoves()
    {
        var r = Record("c3", "job");
        _store.Insert(r);
        var started = DateTimeOffset.UtcNow;
        Assert.True(_store.Change(r.Id, c => (c.State, c.Pid, c.StartedAt) = (ContainerStatus.Running, 42, started)));
        var read = _store.Get("job");
        Assert.Equal((ContainerStatus.Running, 42), (read.State, read.Pid));
        Assert.Equal(started.UtcTicks, read.StartedAt!.Value.UtcTicks);
        _store.Delete(r.Id);
        Assert.False(_store.Change(r.Id, c => c.Pid = 1));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void TwoConnectionsSeeEachOthersWrites()
    {
        using var other = new ContainerStore(_dir.Combine("engine.db"));
        _store.Insert(Record("d4", "shared"));
        Assert.NotNull(other.Find("shared"));
        Assert.Throws<NameInUseException>(() => other.Insert(Record("e5", "shared")));
    }
}
