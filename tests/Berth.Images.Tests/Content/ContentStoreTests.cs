using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Reference;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Content;

public class ContentStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_refuses_content_that_does_not_match_its_digest()
    {
        var store = new ContentStore(_dir.Path);
        var e = Assert.Throws<RegistryException>(() => store.Write(Digest.Sha256("a"u8), "b"u8.ToArray()));
        Assert.Equal(RegistryErrorKind.DigestMismatch, e.Kind);
        Assert.Empty(store.List());
    }

    [Fact]
    public void Read_detects_a_blob_corrupted_on_disk()
    {
        var store = new ContentStore(_dir.Path);
        var digest = Digest.Sha256("hello"u8);
        store.Write(digest, "hello"u8.ToArray());
        Assert.Equal("hello"u8.ToArray(), store.Read(digest));
        File.WriteAllText(store.BlobPath(digest), "jello");
        Assert.Contains("corrupt", Assert.Throws<ImageStoreException>(() => store.Read(digest)).Message);
    }

    [Fact]
    public void Temp_files_are_not_blobs_and_are_cleared()
    {
        var store = new ContentStore(_dir.Path);
        var digest = Digest.Sha256("x"u8);
        File.WriteAllText(store.NewTempPath(digest), "partial");
        Assert.Empty(store.List());
        Assert.Equal(1, store.RemoveStaleTempFiles());
    }

    [Fact]
    public async Task Exclusive_file_lock_waits_for_the_holder()
    {
        string path = Path.Combine(_dir.Path, "l.lock");
        var first = await FileLock.AcquireAsync(path, exclusive: true, default);
        var second = FileLock.AcquireAsync(path, exclusive: true, default);
        await Task.Delay(150);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Shared_locks_coexist_but_exclude_an_exclusive_one()
    {
        string path = Path.Combine(_dir.Path, "s.lock");
        using var a = await FileLock.AcquireAsync(path, exclusive: false, default);
        using var b = await FileLock.AcquireAsync(path, exclusive: false, default).WaitAsync(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FileLock.AcquireAsync(path, exclusive: true, cancel.Token));
    }

    [Fact]
    public void Corrupt_records_file_is_a_clear_error()
    {
        var store = new ImageStore(_dir.Path);
        File.WriteAllText(Path.Combine(store.Directory, "images.json"), "{not json");
        Assert.Contains("images.json is not valid JSON", Assert.Throws<ImageStoreException>(() => store.List()).Message);
    }
}
