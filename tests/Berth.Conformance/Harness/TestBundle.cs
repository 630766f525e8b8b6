using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Conformance.Harness;

/// <summary>
/// A bundle of its own for one test: a copy of the busybox rootfs, a config.json from the default spec,
/// a private --root, and a cgroup under /berth-test-&lt;random&gt;. Dispose removes all of it (the
/// container with delete --force, then the cgroup directories and the temp dir), whatever happened.
/// </summary>
public sealed class TestBundle : IDisposable
{
    public RuntimeUnderTest Runtime { get; }
    public string Prefix { get; } = "berth-test-" + Guid.NewGuid().ToString("N")[..10];
    public string Id { get; }
    public string Dir { get; }
    public string BundleDir => System.IO.Path.Combine(Dir, "bundle");
    public string Rootfs => System.IO.Path.Combine(BundleDir, "rootfs");
    public string StateRoot => System.IO.Path.Combine(Dir, "state");
    public Spec Spec { get; }

    public TestBundle(RuntimeUnderTest runtime, params string[] args)
    {
        Assert.True(Exec.IsRoot, "the conformance suite runs real containers: run it as root");
        Runtime = runtime;
        Id = Prefix + "-c";
        Dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Prefix);
        Directory.CreateDirectory(BundleDir);
        Exec.Run("cp", ["-a", RootfsTemplate.Path, Rootfs]).AssertSuccess("copy the rootfs");
        Spec = DefaultSpec.Create();
        Spec.Process!.Terminal = false;
        Spec.Process.Args = args.Length > 0 ? [.. args] : ["true"];
        Spec.Hostname = "berth-test";
        Spec.Root!.Readonly = false; // most tests write into the rootfs; the read-only root has its own test
        Spec.Linux!.CgroupsPath = $"/{Prefix}/{Id}";
    }

    public void Write() =>
        File.WriteAllText(System.IO.Path.Combine(BundleDir, "config.json"), JsonSerializer.Serialize(Spec, OciJsonContext.Default.Spec));

    /// <summary>The runtime with --root pointing at this bundle's own state directory.</summary>
    public CommandResult Cli(params string[] args) => Exec.Run(Runtime.Path, ["--root", StateRoot, .. args]);

    /// <summary>Writes config.json and runs the container in the foreground: its exit code and output.</summary>
    public CommandResult Run()
    {
        Write();
        return Cli("run", "--bundle", BundleDir, Id);
    }

    /// <summary>Runs a shell script in the container (sh -c) and returns stdout, asserting success.</summary>
    public string Sh(string script)
    {
        Spec.Process!.Args = ["sh", "-c", script];
        return Run().AssertSuccess($"sh -c '{script}'").Stdout;
    }

    public CommandResult Create()
    {
        Write();
        return Cli("create", "--bundle", BundleDir, Id);
    }

    public string Status()
    {
        var r = Cli("state", Id).AssertSuccess("state");
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("status").GetString()!;
    }

    public int Pid()
    {
        var r = Cli("state", Id).AssertSuccess("state");
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("pid").GetInt32();
    }

    /// <summary>Host cgroup directories this bundle's container used (v1 controllers and the unified hierarchy).</summary>
    public IEnumerable<string> CgroupDirs() =>
        Directory.EnumerateDirectories("/sys/fs/cgroup")
            .Select(d => System.IO.Path.Combine(d, Prefix))
            .Where(Directory.Exists);

    /// <summary>Whatever this bundle left: state dirs, cgroups. Used by tests that assert nothing is left behind.</summary>
    public List<string> Leftovers()
    {
        var left = CgroupDirs().SelectMany(d => Directory.EnumerateDirectories(d).Append(d)).Where(d => !d.EndsWith(Prefix, StringComparison.Ordinal)).ToList();
        string stateDir = System.IO.Path.Combine(StateRoot, Id);
        if (Directory.Exists(stateDir)) left.Add(stateDir);
        return left;
    }

    public void Dispose()
    {
        try
        {
            Cli("delete", "--force", Id);
        }
        catch (TimeoutException)
        {
        }
        foreach (string dir in CgroupDirs()) RemoveCgroupTree(dir);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void RemoveCgroupTree(string dir)
    {
        foreach (string child in Directory.EnumerateDirectories(dir)) RemoveCgroupTree(child);
        for (int i = 0; i < 50; i++)
        {
            try
            {
                Directory.Delete(dir, recursive: false);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
        }
    }
}
