using Berth.Cgroups;

namespace Berth.Cgroups.Tests.Fakes;

/// <summary>
/// A temp directory standing in for /sys/fs/cgroup, with the kernel behaviour the managers rely on: new cgroup
/// directories come with their interface files, rmdir ignores those files but refuses (EBUSY) while child
/// cgroups exist, and <see cref="BusyRemovals"/> simulates a cgroup that is briefly busy after its tasks exited.
/// Every trace line is kept in <see cref="Trace"/>.
/// </summary>
internal abstract class FakeCgroupFs : CgroupFs, IDisposable
{
    private const int EBUSY = 16;

    protected FakeCgroupFs() : this([])
    {
    }

    private FakeCgroupFs(List<string> trace) : base(trace.Add)
    {
        Trace = trace;
        Root = Path.Combine(Path.GetTempPath(), "berth-cgfake-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public new List<string> Trace { get; }

    /// <summary>Every wait the code under test asked for (freezer polls), recorded instead of slept.</summary>
    public List<TimeSpan> Pauses { get; } = [];

    public override void Pause(TimeSpan delay) => Pauses.Add(delay);

    /// <summary>Sets a file's content as the kernel would show it (a counter, a state).</summary>
    public void Put(string directory, string file, string content) => File.WriteAllText(Path.Join(directory, file), content);

    /// <summary>How many more rmdir calls answer EBUSY before one succeeds.</summary>
    public int BusyRemovals { get; set; }

    /// <summary>The write steps in order, with the temp root cut out: "write 20 to /pids/berth/c1/pids.max".</summary>
    public List<string> Writes => Steps("write ");

    /// <summary>The steps starting with <paramref name="verb"/> ("mkdir ", "rmdir ", "write "), root cut out.</summary>
    public List<string> Steps(string verb) =>
        Trace.Select(l => l["cgroup: ".Length..].Replace(Root, "", StringComparison.Ordinal))
            .Where(l => l.StartsWith(verb, StringComparison.Ordinal))
            .ToList();

    public string ReadText(string path) => File.ReadAllText(path).Trim();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The interface files the kernel puts in a new cgroup directory.</summary>
    protected abstract IEnumerable<(string File, string Content)> FilesFor(string directory);

    protected override void CreateDirectory(string path)
    {
        base.CreateDirectory(path);
        foreach (var (file, content) in FilesFor(path))
        {
            File.WriteAllText(Path.Join(path, file), content);
        }
    }

    protected override void DeleteDirectory(string path)
    {
        if (Directory.GetDirectories(path).Length > 0 || BusyRemovals-- > 0)
        {
            throw new IOException("Device or resource busy", EBUSY);
        }
        foreach (string file in Directory.GetFiles(path))
        {
            File.Delete(file);
        }
        base.DeleteDirectory(path);
    }

    protected override void WriteFile(string path, string value)
    {
        if (Path.GetFileName(path) == "cgroup.procs" && File.Exists(path))
        {
            File.AppendAllText(path, value + "\n"); // the kernel lists every member, one per line
            return;
        }
        base.WriteFile(path, value);
    }

    protected static IOException Errno(int errno, string text) => new(text, errno);
}
