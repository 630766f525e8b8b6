using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// cpuset: the kernel creates a v1 cpuset cgroup with empty cpuset.cpus and cpuset.mems, and no task can join
/// it until both are filled, so Create copies them from the parent into every level that is still empty.
/// Set writes linux.resources.cpu.cpus and .mems. Statistics: the CPU and node lists and the cpuset flag files.
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

    public override void AddStats(CgroupStats stats)
    {
        StatFiles files = StatFiles;
        CpusetStats cpuset = stats.Cpuset;
        cpuset.Cpus = StatText.CpuList(files.Text(Cpus) ?? "", files.PathOf(Cpus));
        cpuset.Mems = StatText.CpuList(files.Text(Mems) ?? "", files.PathOf(Mems));
        cpuset.CpuExclusive = files.Unsigned("cpuset.cpu_exclusive");
        cpuset.MemHardwall = files.Unsigned("cpuset.mem_hardwall");
        cpuset.MemExclusive = files.Unsigned("cpuset.mem_exclusive");
        cpuset.MemoryMigrate = files.Unsigned("cpuset.memory_migrate");
        cpuset.MemorySpreadPage = files.Unsigned("cpuset.memory_spread_page");
        cpuset.MemorySpreadSlab = files.Unsigned("cpuset.memory_spread_slab");
        cpuset.MemoryPressure = files.Unsigned("cpuset.memory_pressure");
        cpuset.SchedLoadBalance = files.Unsigned("cpuset.sched_load_balance");
        cpuset.SchedRelaxDomainLevel = long.TryParse(files.Text("cpuset.sched_relax_domain_level")?.Trim(),
            System.Globalization.CultureInfo.InvariantCulture, out long level) ? level : 0;
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
