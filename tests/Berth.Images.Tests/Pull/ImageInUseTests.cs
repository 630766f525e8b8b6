using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Pull;
using Berth.Images.Reference;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Pull;

/// <summary>rmi and prune with <see cref="ImageStore.ImageUsers"/> / <see cref="ImageStore.LayersInUse"/>: what docker keeps for containers.</summary>
public class ImageInUseTests : IDisposable
{
    private readonly FakeRegistry _registry = new();
    private readonly TempDirectory _root = new();
    private readonly ImageStore _store;
    private readonly Dictionary<string, List<ImageUser>> _users = [];

    public ImageInUseTests()
    {
        _store = new ImageStore(_root.Path) { ImageUsers = id => _users.GetValueOrDefault(id) ?? [] };
    }

    public void Dispose() => _root.Dispose();

    private static string Name(string tag) => $"{FakeRegistry.Host}/{TestImage.Repository}:{tag}";

    private async Task<ImageRecord> Pull(string tag)
    {
        TestImage.AddManifest(_registry, tag);
        var result = await new ImagePuller(new RegistryClient(new RegistryOptions { Handler = _registry }), _store)
            .PullAsync(ImageReference.Parse(Name(tag)), Platform.Parse("linux/amd64"), null, default);
        return result.Image;
    }

    [Fact]
    public async Task Rmi_of_the_last_name_of_an_image_a_container_uses_is_a_conflict()
    {
        var image = await Pull("a");
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: false)];
        var e = await Assert.ThrowsAsync<ImageStoreException>(() => _store.RemoveAsync(Name("a"), force: false, default));
        Assert.Equal($"conflict: unable to remove repository reference \"{Name("a")}\" (must force) - container c0ffee000000 is using its referenced image {image.Id[7..19]}", e.Message);
        Assert.Single(_store.List());
    }

    [Fact]
    public async Task Rmi_force_of_a_name_while_a_container_runs_only_untags()
    {
        var image = await Pull("a");
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: true)];
        var report = await _store.RemoveAsync(Name("a"), force: true, default);
        Assert.Equal([Name("a")], report.Untagged);
        Assert.Empty(report.Deleted);
        Assert.Empty(_store.List().Single().Names);
        Assert.True(_store.LayersPresent(_store.List().Single()));
    }

    [Fact]
    public async Task Rmi_by_id_needs_force_for_a_stopped_container_and_cannot_for_a_running_one()
    {
        var image = await Pull("a");
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: false)];
        var stopped = await Assert.ThrowsAsync<ImageStoreException>(() => _store.RemoveAsync(image.Id[7..19], force: false, default));
        Assert.Contains("(must be forced) - image is being used by stopped container c0ffee000000", stopped.Message);
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: true)];
        var running = await Assert.ThrowsAsync<ImageStoreException>(() => _store.RemoveAsync(image.Id, force: true, default));
        Assert.Contains("(cannot be forced) - image is being used by running container c0ffee000000", running.Message);
        Assert.Single(_store.List());
    }

    [Fact]
    public async Task A_second_name_can_go_while_a_container_uses_the_image()
    {
        var image = await Pull("a");
        _store.Tag(Name("a"), "other:1");
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: false)];
        var report = await _store.RemoveAsync("other:1", force: false, default);
        Assert.Single(report.Untagged);
        Assert.Equal([Name("a")], _store.List().Single().Names);
    }

    [Fact]
    public async Task Forced_removal_keeps_the_layers_a_snapshot_uses()
    {
        var image = await Pull("a");
        var diffIds = _store.DiffIdsOf(image);
        _users[image.Id] = [new ImageUser("c0ffee".PadRight(64, '0'), Running: false)];
        _store.LayersInUse = () => new HashSet<string>(diffIds);
        var report = await _store.RemoveAsync(image.Id, force: true, default);
        Assert.Single(report.Deleted);
        Assert.Empty(_store.List());
        Assert.All(diffIds, d => Assert.True(_store.Layers.Exists(d)));
        _store.LayersInUse = null;
        var prune = await _store.PruneAsync(all: true, inUse: null, default);
        Assert.All(diffIds, d => Assert.False(_store.Layers.Exists(d)));
        Assert.Equal(diffIds.Count, prune.LayersRemoved);
    }

    [Fact]
    public async Task Prune_all_skips_images_in_use()
    {
        var used = await Pull("a");
        await Pull("b");
        var report = await _store.PruneAsync(all: true, inUse: i => i.Id == used.Id, default);
        Assert.Single(report.Deleted);
        Assert.Equal(used.Id, _store.List().Single().Id);
    }
}
