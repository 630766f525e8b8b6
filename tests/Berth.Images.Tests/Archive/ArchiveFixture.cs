using System.Formats.Tar;
using Berth.Images.Archive;
using Berth.Images.Content;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Archive;

/// <summary>Helpers for archive tests: a store with an imported image, tar rewriting, and "is the store empty".</summary>
internal static class ArchiveFixture
{
    public static readonly byte[] RootfsTar = TestImage.Tar(("etc/hostname", "berth\n"u8.ToArray()), ("bin/tool", TestImage.RandomBytes(5000)));

    public static async Task<ImageRecord> ImportAsync(ImageStore store, string? name = "docker.io/library/imported:1", byte[]? tar = null) =>
        await new ImageImporter(store).ImportAsync(new MemoryStream(tar ?? RootfsTar), "tarball test", new ImportOptions { Name = name }, default);

    public static async Task<byte[]> SaveAsync(ImageStore store, ArchiveFormat format, params SaveItem[] items)
    {
        using var output = new MemoryStream();
        await new ImageSaver(store).SaveAsync(items, output, format, default);
        return output.ToArray();
    }

    public static Task<LoadResult> LoadAsync(ImageStore store, byte[] archive) =>
        new ImageLoader(store).LoadAsync(new MemoryStream(archive), "archive test.tar", Berth.Images.Manifest.Platform.Parse("linux/amd64"), default);

    /// <summary>Entries of a tar by name (regular files only).</summary>
    public static Dictionary<string, byte[]> Files(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new MemoryStream(archive));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null) continue;
            using var data = new MemoryStream();
            entry.DataStream.CopyTo(data);
            files[entry.Name] = data.ToArray();
        }
        return files;
    }

    /// <summary>A copy of the archive with each file's content passed through <paramref name="change"/> (null drops it).</summary>
    public static byte[] Rewrite(byte[] archive, Func<string, byte[], byte[]?> change)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in Files(archive))
            {
                if (change(name, content) is { } changed) writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(changed) });
            }
        }
        return output.ToArray();
    }

    /// <summary>No image, no blob, no temp file, no layer directory.</summary>
    public static void AssertEmpty(ImageStore store)
    {
        Assert.Empty(store.List());
        Assert.Empty(Directory.GetFiles(Path.Combine(store.Directory, "blobs"), "*", SearchOption.AllDirectories));
        Assert.True(!Directory.Exists(store.Layers.LayersDirectory) || Directory.GetFileSystemEntries(store.Layers.LayersDirectory).Length == 0,
            "layer directories left: " + string.Join(", ", Directory.Exists(store.Layers.LayersDirectory) ? Directory.GetFileSystemEntries(store.Layers.LayersDirectory) : []));
    }
}
