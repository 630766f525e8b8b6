using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>
/// Shared by every engine test: the busybox fixture image pushed to a local registry, a berth-test-* data
/// root and run root, and a berth-test-* cgroup parent. Dispose force-removes every container, then removes
/// the cgroup parent in each hierarchy, the roots and the registry.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    private readonly BusyboxImage? _image;
    private readonly LocalRegistry? _registry;

    public EngineFixture()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        DataRoot = Path.Combine(Path.GetTempPath(), "berth-test-engine-" + tag);
        RunRoot = Path.Combine(Path.GetTempPath(), "berth-test-run-" + tag);
        CgroupParent = "berth-test-engine-" + tag;
        NetworkClaims = Path.Combine(Path.GetTempPath(), "berth-test-claims-" + tag);
        DefaultBridge = "berth-test-" + tag[..4];
        DefaultSubnet = $"10.213.{Convert.ToInt32(tag[..4], 16) % 250}.0/24";
        if (EngineFactAttribute.SkipReason() is not null) return;
        _image = new BusyboxImage();
        _registry = LocalRegistry.Start();
        _registry.Push(_image.Single, "latest", "berth-test/busybox:latest");
        Image = $"{_registry.Host}/berth-test/busybox:latest";
    }

    public string DataRoot { get; }
    public string RunRoot { get; }
    public string CgroupParent { get; }
    /// <summary>The default network's bridge (berth-test-XXXX, 15 characters) and subnet (10.213.N.0/24), and the host-wide claims directory, all this fixture's own.</summary>
    public string DefaultBridge { get; }
    public string DefaultSubnet { get; }
    public string NetworkClaims { get; }
    public string Image { get; } = "";
    public string Berth => Path.Combine(BusyboxImage.RepoRoot(), "out", "berth");

    public ProcessRunner.Result Run(params string[] args) => RunWithInput(null, args);

    public ProcessRunner.Result RunWithInput(string? stdin, params string[] args) => ProcessRunner.Run(Berth, ["--root", DataRoot, .. args], Environment(), stdin);

    /// <summary>A field of `berth inspect NAME` by its dotted path ("State.Status"), as text; null when there is no such container.</summary>
    public string? Inspect(string name, string path)
    {
        var r = Run("inspect", "--type", "container", name);
        if (r.ExitCode != 0) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var e = doc.RootElement[0];
        foreach (string part in path.Split('.')) e = e.GetProperty(part);
        return e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : e.GetRawText();
    }

    /// <summary>berth on a real terminal of 24 rows and 80 columns (see <see cref="PtyProcess"/>).</summary>
    public PtyProcess Terminal(params string[] args) => new(Berth, ["--root", DataRoot, .. args], Environment());

    private Dictionary<string, string> Environment() => new()
    {
        ["BERTH_RUNROOT"] = RunRoot, ["BERTH_CGROUP_PARENT"] = CgroupParent,
        ["BERTH_DEFAULT_BRIDGE"] = DefaultBridge, ["BERTH_DEFAULT_SUBNET"] = DefaultSubnet, ["BERTH_NETWORK_CLAIMS"] = NetworkClaims, ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
    };

    /// <summary>Cgroup directories left under the parent, in every mounted hierarchy.</summary>
    public List<string> LeftoverCgroups() => CgroupParents().Where(Directory.Exists).SelectMany(Directory.GetDirectories).ToList();

    public List<string> LeftoverMounts() => File.ReadAllLines("/proc/self/mountinfo").Where(l => l.Contains(DataRoot, StringComparison.Ordinal) || l.Contains(RunRoot, StringComparison.Ordinal)).ToList();

    public string[] Entries(string relativeToData) => Directory.Exists(Path.Combine(DataRoot, relativeToData)) ? Directory.GetFileSystemEntries(Path.Combine(DataRoot, relativeToData)) : [];

    public string[] RunEntries(string relative) => Directory.Exists(Path.Combine(RunRoot, relative)) ? Directory.GetFileSystemEntries(Path.Combine(RunRoot, relative)) : [];

    private IEnumerable<string> CgroupParents() =>
        Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup").Select(h => Path.Combine(h, CgroupParent)).Append(Path.Combine("/sys/fs/cgroup", CgroupParent)) : [];

    public void Dispose()
    {
        if (_image is null) return;
        foreach (string id in Run("ps", "-a", "-q", "--no-trunc").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Run("rm", "-f", id);
        string holder = "berth-h" + (Run("network", "inspect", "-f", "{{.Id}}", "bridge").Stdout.Trim() + "00000000")[..8];
        Run("network", "prune", "-f"); // also takes the default network's bridge and its hold down
        // Left by a failed test:
        if (Directory.Exists($"/sys/class/net/{holder}")) ProcessRunner.Run("ip", ["link", "delete", holder]);
        if (Directory.Exists($"/sys/class/net/{DefaultBridge}")) ProcessRunner.Run("ip", ["link", "delete", DefaultBridge, "type", "bridge"]);
        foreach (string parent in CgroupParents().Where(Directory.Exists))
        {
            foreach (string dir in Directory.GetDirectories(parent, "*", SearchOption.AllDirectories).Reverse().Append(parent))
            {
                try { Directory.Delete(dir); } catch (IOException) { }
            }
        }
        foreach (string mount in LeftoverMounts().Select(l => l.Split(' ')[4]).Reverse()) ProcessRunner.Run("umount", ["-l", mount]);
        foreach (string dir in new[] { DataRoot, RunRoot, NetworkClaims }.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
        _registry?.Dispose();
        _image.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
