using Berth.Cgroups.Tests.Fakes;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// A v1 devices hierarchy under a temp root, written independently of Berth's emulator from the kernel's rules
/// (security/device_cgroup.c): a new cgroup allows everything ("a *:* rwm"); "a" resets the default and drops every
/// exception; a line with the default's action subtracts accesses from the exception with exactly that key, the
/// opposite action adds them; devices.list shows "a *:* rwm" for allow-all, else the exceptions in insertion order.
/// Lines in <see cref="Ignored"/> are accepted but have no effect (standing in for a restricting parent).
/// </summary>
internal sealed class FakeDevicesKernel : FakeCgroupFs
{
    private readonly Dictionary<string, (bool DefaultAllow, List<(string Key, string Access)> Exceptions)> _cgroups = new();

    public FakeDevicesKernel()
    {
        Mountpoint = Path.Join(Root, "devices");
        Directory.CreateDirectory(Mountpoint);
        Host = CgroupHost.ForV1(new Dictionary<string, string> { ["devices"] = Mountpoint }, null);
    }

    public string Mountpoint { get; }

    public CgroupHost Host { get; }

    public HashSet<string> Ignored { get; } = [];

    protected override IEnumerable<(string File, string Content)> FilesFor(string directory)
    {
        _cgroups[directory] = (true, []);
        return [("cgroup.procs", ""), ("tasks", ""), ("devices.allow", ""), ("devices.deny", ""), ("devices.list", "a *:* rwm\n")];
    }

    protected override void WriteFile(string path, string value)
    {
        string file = Path.GetFileName(path);
        if (file is not ("devices.allow" or "devices.deny"))
        {
            base.WriteFile(path, value);
            return;
        }
        string directory = Path.GetDirectoryName(path)!;
        if (!Ignored.Contains(value))
        {
            _cgroups[directory] = Apply(_cgroups[directory], file == "devices.allow", value);
        }
        var (defaultAllow, exceptions) = _cgroups[directory];
        string list = defaultAllow ? "a *:* rwm\n" : string.Concat(exceptions.Select(e => $"{e.Key} {e.Access}\n"));
        File.WriteAllText(Path.Join(directory, "devices.list"), list);
    }

    private static (bool, List<(string, string)>) Apply((bool DefaultAllow, List<(string Key, string Access)> Exceptions) state, bool allow, string line)
    {
        if (line.StartsWith('a'))
        {
            return (allow, []);
        }
        int lastSpace = line.LastIndexOf(' ');
        string key = line[..lastSpace], access = line[(lastSpace + 1)..];
        int index = state.Exceptions.FindIndex(e => e.Key == key);
        string current = index >= 0 ? state.Exceptions[index].Access : "";
        string updated = allow != state.DefaultAllow
            ? string.Concat("rwm".Where(c => current.Contains(c) || access.Contains(c)))
            : string.Concat("rwm".Where(c => current.Contains(c) && !access.Contains(c)));
        if (index >= 0)
        {
            state.Exceptions.RemoveAt(index);
        }
        if (updated.Length > 0)
        {
            state.Exceptions.Insert(index >= 0 ? index : state.Exceptions.Count, (key, updated));
        }
        return state;
    }
}
