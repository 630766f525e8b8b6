namespace Berth.Conformance.Harness;

/// <summary>One busybox rootfs per test run (scripts/make-busybox-rootfs.sh), copied into each bundle; removed at exit.</summary>
public static class RootfsTemplate
{
    private static readonly Lazy<string> s_path = new(Build);

    public static string Path => s_path.Value;

    private static string Build()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"berth-test-rootfs-{Environment.ProcessId}");
        string script = System.IO.Path.Combine(RepoPaths.RepoRoot, "scripts", "make-busybox-rootfs.sh");
        Exec.Run("bash", [script, dir]).AssertSuccess("make-busybox-rootfs.sh");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    }
}
