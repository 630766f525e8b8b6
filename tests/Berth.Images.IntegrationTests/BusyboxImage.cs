namespace Berth.Images.IntegrationTests;

/// <summary>
/// The busybox OCI layouts built once per test run by tests/fixtures/make-busybox-oci.sh: a single-platform
/// one and a multi-arch one (index with linux/amd64 and linux/arm64/v8). Removed when the run ends.
/// </summary>
public sealed class BusyboxImage : IDisposable
{
    public BusyboxImage()
    {
        Directory = Path.Combine(Path.GetTempPath(), "berth-test-fixture-" + Guid.NewGuid().ToString("N")[..10]);
        if (RegistryFactAttribute.SkipReason() is not null) return;
        string script = Path.Combine(RepoRoot(), "tests", "fixtures", "make-busybox-oci.sh");
        Build(script, Single, "latest", "");
        Build(script, Multi, "multi", "--multiarch");
    }

    public string Directory { get; }
    public string Single => Path.Combine(Directory, "single");
    public string Multi => Path.Combine(Directory, "multi");

    private static void Build(string script, string dir, string tag, string flag)
    {
        var result = ProcessRunner.Run("bash", flag.Length == 0 ? [script, dir, tag] : [script, dir, tag, flag]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"fixture build failed: {result}");
    }

    /// <summary>The worktree holding berth.slnx, found upwards from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "berth.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("berth.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
