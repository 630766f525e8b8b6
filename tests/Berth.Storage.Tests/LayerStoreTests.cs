using Berth.Storage.Layers;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.Tests;

public class LayerStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LayerStore _store;

    public LayerStoreTests()
    {
        _store = new LayerStore(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    private static byte[] SampleTar() => new LayerBuilder().Dir("etc").File("etc/os-release", "ID=berth\n").Build();

    private string[] LeftoversInLayers() =>
        Directory.Exists(_store.LayersDirectory) ? Directory.GetFileSystemEntries(_store.LayersDirectory) : [];

    public static TheoryData<string> MediaTypes => new()
    {
        LayerMediaType.OciTar, LayerMediaType.OciTarGzip, LayerMediaType.OciTarZstd, LayerMediaType.DockerTarGzip,
    };

    private static byte[] Compress(byte[] tar, string mediaType) => LayerMediaType.CompressionOf(mediaType) switch
    {
        LayerCompression.Gzip => LayerBuilder.Gzip(tar),
        LayerCompression.Zstd => LayerBuilder.Zstd(tar),
        _ => tar,
    };

    [Theory, MemberData(nameof(MediaTypes))]
    public async Task Unpacks_each_media_type_once_under_its_diff_id(string mediaType)
    {
        byte[] tar = SampleTar();
        string diffId = LayerBuilder.DiffId(tar);
        byte[] blob = Compress(tar, mediaType);
        int opened = 0;
        Stream Open()
        {
            opened++;
            return new MemoryStream(blob);
        }
        var first = await _store.EnsureUnpackedAsync(diffId, Open, mediaType, CancellationToken.None);
        var second = await _store.EnsureUnpackedAsync(diffId, Open, mediaType, CancellationToken.None);

        Assert.Equal(1, opened);
        Assert.NotNull(first.Report);
        Assert.Null(second.Report);
        Assert.Equal(Path.Combine(_store.LayersDirectory, LayerDigest.Hex(diffId), "diff"), first.Path);
        Assert.Equal("ID=berth\n", File.ReadAllText(Path.Combine(first.Path, "etc/os-release")));
        Assert.Equal([Path.GetDirectoryName(first.Path)!], LeftoversInLayers());
    }

    [Fact]
    public async Task A_digest_mismatch_leaves_nothing_behind()
    {
        byte[] tar = SampleTar();
        string wrong = LayerBuilder.DiffId(new LayerBuilder().File("other").Build());
        var error = await Assert.ThrowsAsync<LayerUnpackException>(() =>
            _store.EnsureUnpackedAsync(wrong, () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None));
        Assert.Contains("does not match its diff ID", error.Message);
        Assert.Empty(LeftoversInLayers());
        Assert.False(_store.Exists(wrong));
    }

    [Theory]
    [InlineData(LayerMediaType.OciTarGzip)]
    [InlineData(LayerMediaType.OciTarZstd)]
    public async Task A_truncated_blob_is_a_clear_error_and_leaves_nothing_behind(string mediaType)
    {
        byte[] tar = new LayerBuilder().File("big", new string('x', 100_000)).File("after").Build();
        byte[] blob = Compress(tar, mediaType);
        var error = await Assert.ThrowsAsync<LayerUnpackException>(() => _store.EnsureUnpackedAsync(
            LayerBuilder.DiffId(tar), () => new MemoryStream(blob[..(blob.Length / 2)]), mediaType, CancellationToken.None));
        Assert.Matches("truncated|corrupt", error.Message);
        Assert.Empty(LeftoversInLayers());
    }

    [Fact]
    public async Task A_corrupt_gzip_stream_is_a_clear_error()
    {
        byte[] tar = SampleTar();
        byte[] blob = LayerBuilder.Gzip(tar);
        for (int i = 20; i < blob.Length - 8; i++)
        {
            blob[i] ^= 0xA5;
        }
        var error = await Assert.ThrowsAsync<LayerUnpackException>(() => _store.EnsureUnpackedAsync(
            LayerBuilder.DiffId(tar), () => new MemoryStream(blob), LayerMediaType.OciTarGzip, CancellationToken.None));
        Assert.Contains(LayerBuilder.DiffId(tar), error.Message);
        Assert.Empty(LeftoversInLayers());
    }

    [Fact]
    public async Task A_blob_whose_media_type_lies_is_refused()
    {
        byte[] tar = SampleTar();
        var error = await Assert.ThrowsAsync<LayerUnpackException>(() => _store.EnsureUnpackedAsync(
            LayerBuilder.DiffId(tar), () => new MemoryStream(LayerBuilder.Gzip(tar)), LayerMediaType.OciTar, CancellationToken.None));
        Assert.Contains("gzip-compressed", error.Message);
    }

    [Fact]
    public async Task A_hostile_layer_is_removed_entirely()
    {
        byte[] tar = new LayerBuilder().File("ok").File("../../escape").Build();
        await Assert.ThrowsAsync<UnsafeLayerPathException>(() => _store.EnsureUnpackedAsync(
            LayerBuilder.DiffId(tar), () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None));
        Assert.Empty(LeftoversInLayers());
    }

    [Fact]
    public async Task Cancellation_removes_the_half_unpacked_layer()
    {
        byte[] tar = SampleTar();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.EnsureUnpackedAsync(
            LayerBuilder.DiffId(tar), () => new MemoryStream(tar), LayerMediaType.OciTar, cancelled.Token));
        Assert.Empty(LeftoversInLayers());
    }

    [Fact]
    public async Task Concurrent_unpacks_of_one_layer_end_with_one_directory()
    {
        byte[] tar = SampleTar();
        string diffId = LayerBuilder.DiffId(tar);
        var bothOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int opened = 0;
        Stream Open()
        {
            if (Interlocked.Increment(ref opened) == 2)
            {
                bothOpened.SetResult();
            }
            return new GatedStream(tar, bothOpened.Task);
        }
        var results = await Task.WhenAll(
            Task.Run(() => _store.EnsureUnpackedAsync(diffId, Open, LayerMediaType.OciTar, CancellationToken.None)),
            Task.Run(() => _store.EnsureUnpackedAsync(diffId, Open, LayerMediaType.OciTar, CancellationToken.None)));

        Assert.Equal(2, opened);
        Assert.Single(results, r => r.Report is not null);
        Assert.All(results, r => Assert.Equal("ID=berth\n", File.ReadAllText(Path.Combine(r.Path, "etc/os-release"))));
        Assert.Single(LeftoversInLayers());
    }

    [Fact]
    public async Task Stale_temporary_directories_are_removed_but_recent_ones_kept()
    {
        byte[] tar = SampleTar();
        string diffId = LayerBuilder.DiffId(tar);
        await _store.EnsureUnpackedAsync(diffId, () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None);
        string stale = Directory.CreateDirectory(Path.Combine(_store.LayersDirectory, "abc.tmp-old")).FullName;
        Directory.CreateDirectory(Path.Combine(stale, "diff", "ro"));
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        string recent = Directory.CreateDirectory(Path.Combine(_store.LayersDirectory, "def.tmp-new")).FullName;

        Assert.Equal(1, _store.RemoveStaleTemporaries(TimeSpan.FromHours(1)));
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(recent));
        Assert.True(_store.Exists(diffId));
    }

    [Fact]
    public async Task Remove_deletes_the_layer_directory()
    {
        byte[] tar = SampleTar();
        string diffId = LayerBuilder.DiffId(tar);
        await _store.EnsureUnpackedAsync(diffId, () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None);
        _store.Remove(diffId);
        Assert.False(_store.Exists(diffId));
        Assert.Empty(LeftoversInLayers());
    }

    [Fact]
    public async Task List_names_unpacked_layers_but_not_temporaries()
    {
        Assert.Empty(_store.List());
        byte[] tar = SampleTar();
        string diffId = LayerBuilder.DiffId(tar);
        await _store.EnsureUnpackedAsync(diffId, () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(_store.LayersDirectory, LayerDigest.Hex(diffId) + ".tmp-x"));
        Assert.Equal([diffId], _store.List());
    }
}
