using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>
/// A berth with its own berth-test-* data root, run root and cgroup parent, for tests that must not share the
/// fixture's (a wiped run root, image removal, counting every container): the fixture image is pulled into it from
/// the fixture's registry. Dispose force-removes every container, kills any process left in its cgroups, removes
/// the cgroups, unmounts what is left under its roots and deletes them. (EngineFixture could be built on this.)
/// </summary>
public sealed class ScratchEngine : IDisposable
{
    private readonly EngineFixture _fixture;

    public ScratchEngine(EngineFixture fixture, bool pull = true)
    {
        _fixture = fixture;
        string tag = Guid.NewGuid().ToString("N")[..10];
        DataRoot = Path.Combine(Path.GetTempPath(), "berth-test-scratch-" + tag);
        RunRoot = Path.Combine(Path.GetTempPath(), "berth-test-scratchrun-" + tag);
        CgroupParent = "berth-test-scratch-" + tag;
        if (pull)
        {
            var r = Run("pull", "-q", Image);
            if (r.ExitCode != 0) throw new InvalidOperationException("pull into the scratch root failed: " + r);
        }
    }

    public string DataRoot { get; }
    public string RunRoot { get; }
    public string CgroupParent { get; }
    public string Image => _fixture.Image;

    public Dictionary<string, string> Environment => new()
    {
        ["BERTH_RUNROOT"] = RunRoot, ["BERTH_CGROUP_PARENT"] = CgroupParent,
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
    };

    public ProcessRunner.Result Run(params string[] args) => ProcessRunner.Run(_fixture.Berth, ["--root", DataRoot, .. args], Environment);

    public ProcessRunner.Result RunWithInput(string stdin, params string[] args) => ProcessRunner.Run(_fixture.Berth, ["--root", DataRoot, .. args], Environment, stdin);

    /// <summary>Cgroup directories of containers left under the parent, in every mounted hierarchy.</summary>
    public List<string> LeftoverCgroups() => CgroupParents().Where(Directory.Exists).SelectMany(Directory.GetDirectories).ToList();

    public List<string> LeftoverMounts() => File.ReadAllLines("/proc/self/mountinfo")
        .Where(l => l.Contains(DataRoot, StringComparison.Ordinal) || l.Contains(RunRoot, StringComparison.Ordinal)).ToList();

    /// <summary>Live (not zombie) processes whose command line names this data root: monitors, cleanups.</summary>
    public List<int> LeftoverProcesses() => Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out int pid) ? pid : 0).Where(pid => pid > 0 && pid != System.Environment.ProcessId)
        .Where(pid => Read($"/proc/{pid}/cmdline").Contains(DataRoot, StringComparison.Ordinal) && !Read($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal))
        .ToList();

    public string[] Entries(string relativeToData) => Directory.Exists(Path.Combine(DataRoot, relativeToData)) ? Directory.GetFileSystemEntries(Path.Combine(DataRoot, relativeToData)) : [];

    public string[] RunEntries(string relative) => Directory.Exists(Path.Combine(RunRoot, relative)) ? Directory.GetFileSystemEntries(Path.Combine(RunRoot, relative)) : [];

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private IEnumerable<string> CgroupParents() =>
        Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup").Select(h => Path.Combine(h, CgroupParent)).Append(Path.Combine("/sys/fs/cgroup", CgroupParent)) : [];

    public void Dispose()
    {
        foreach (string id in Run("ps", "-a", "-q", "--no-trunc").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Run("rm", "-f", id);
        foreach (string parent in CgroupParents().Where(Directory.Exists))
        {
            foreach (string procs in Directory.GetFiles(parent, "cgroup.procs", SearchOption.AllDirectories))
            {
                foreach (string pid in Read(procs).Split('\n', StringSplitOptions.RemoveEmptyEntries)) ProcessRunner.Run("kill", ["-9", pid]);
            }
            foreach (string dir in Directory.GetDirectories(parent, "*", SearchOption.AllDirectories).Reverse().Append(parent))
            {
                for (int i = 0; i < 50 && Directory.Exists(dir); i++)
                {
                    try { Directory.Delete(dir); } catch (IOException) { Thread.Sleep(20); }
                }
            }
        }
        foreach (string mount in LeftoverMounts().Select(l => l.Split(' ')[4]).Reverse()) ProcessRunner.Run("umount", ["-l", mount]);
        foreach (string dir in new[] { DataRoot, RunRoot }.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
    }
}
