using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// cpuset: the kernel creates a v1 cpuset cgroup with empty cpuset.cpus and cpuset.mems, and no task can join
/// it until both are filled, so Create copies them from the parent into every level that is still empty.
/// Set writes linux.resources.cpu.cpus and .mems.
/// </summary>
internal sealed class CpusetController : V1Controller
{
    private const string Cpus = "cpuset.cpus";
    private const string Mems = "cpuset.mems";

    public CpusetController(string mountpoint, string relative, CgroupFs fs)
        : base("cpuset", mountpoint, relative, fs)
    {
    }

    public override void Create()
    {
        string parent = Mountpoint;
        foreach (string level in Levels)
        {
            Fs.MakeDirectory(level);
            CopyFromParentIfEmpty(parent, level, Cpus);
            CopyFromParentIfEmpty(parent, level, Mems);
            parent = level;
        }
    }

    public override void Set(Resources resources)
    {
        if (resources.Cpu?.Cpus is { Length: > 0 } cpus)
        {
            Write(Cpus, cpus);
        }
        if (resources.Cpu?.Mems is { Length: > 0 } mems)
        {
            Write(Mems, mems);
        }
    }

    private void CopyFromParentIfEmpty(string parent, string directory, string file)
    {
        string target = Path.Join(directory, file);
        if (Fs.Read(target).Trim().Length > 0)
        {
            return;
        }
        string source = Path.Join(parent, file);
        string value = Fs.Read(source).Trim();
        if (value.Length == 0)
        {
            throw new CgroupException($"{source} is empty: cannot fill {target} from it (a task cannot join a cpuset without cpus and mems)");
        }
        Fs.Write(target, value);
    }
}
