namespace Berth.Oci.Tests.Fixtures;

/// <summary>A bundle directory with an empty rootfs/ under the temp directory, removed on dispose.</summary>
internal sealed class TempBundle : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "berth-oci-test-" + Guid.NewGuid().ToString("N")[..12]);
    public string Rootfs => Path.Combine(Dir, "rootfs");
    public string ConfigPath => Path.Combine(Dir, "config.json");

    public TempBundle(bool withRootfs = true)
    {
        Directory.CreateDirectory(Dir);
        if (withRootfs) Directory.CreateDirectory(Rootfs);
    }

    public void WriteConfig(string json) => File.WriteAllText(ConfigPath, json);

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
