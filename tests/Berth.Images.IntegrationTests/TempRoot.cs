namespace Berth.Images.IntegrationTests;

/// <summary>A berth-test-* data root (--root) for one test, removed afterwards.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "berth-test-root-" + Guid.NewGuid().ToString("N")[..10]));

    public string Path { get; }

    public string[] Blobs() => Directory.Exists(System.IO.Path.Combine(Path, "images", "blobs"))
        ? Directory.GetFiles(System.IO.Path.Combine(Path, "images", "blobs"), "*", SearchOption.AllDirectories) : [];

    /// <summary>The unpacked layer directories (storage/layers/HEX).</summary>
    public string[] Layers() => Directory.Exists(System.IO.Path.Combine(Path, "storage", "layers"))
        ? Directory.GetDirectories(System.IO.Path.Combine(Path, "storage", "layers")) : [];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
