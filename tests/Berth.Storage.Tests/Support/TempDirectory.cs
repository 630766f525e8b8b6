using Berth.Storage.FileSystem;

namespace Berth.Storage.Tests.Support;

/// <summary>A berth-test-* directory under /tmp, removed (without following symlinks) on Dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("berth-test-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string CreateSubdirectory(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public void Dispose() => TreeRemover.Remove(Path);
}
