namespace Berth.Images.Tests.Fakes;

/// <summary>A berth-test-* directory under /tmp, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "berth-test-images-" + Guid.NewGuid().ToString("N")[..12]));

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
