using Berth.Cgroups;
using Berth.Engine.Processes;
using Berth.Engine.Runtime;
using Berth.Engine.Stats;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    private CgroupHost? _cgroupHost;

    /// <summary>The container's cgroup (ENGINE cgroup parent/ID), in whatever layout the host has.</summary>
    private ICgroupManager CgroupOf(State.ContainerRecord c) =>
        CgroupManagerFactory.Create(_cgroupHost ??= CgroupHost.Detect(), Paths.CgroupsPath(c.Id), c.Id, trace: null);

    /// <summary>
    /// `berth top ID [ps options]`: the host's `ps` (options as given, -ef by default) cut down to the processes in
    /// the container's cgroup, as docker does. A running container only.
    /// </summary>
    public ProcessTable Top(string idOrName, IReadOnlyList<string> psArgs)
    {
        var c = Get(idOrName);
        if (!c.IsRunning) throw new EngineException($"container {c.Id} is not running", 1);
        var pids = CgroupOf(c).GetPids().ToHashSet();
        string ps = RuntimeLocator.FindBinary("ps") ?? throw new EngineException("ps not found in PATH: install procps", 1);
        var result = CommandRunner.Run([ps, .. psArgs.Count == 0 ? ["-ef"] : psArgs]);
        if (result.ExitCode != 0) throw new EngineException($"ps {string.Join(' ', psArgs)} failed: {result.Stderr.Trim().Split('\n')[0]}", 1);
        return ProcessTable.Parse(result.Stdout, pids);
    }

    /// <summary>One reading of the container's counters (zeros when it is not running).</summary>
    public StatsSample SampleStats(State.ContainerRecord c)
    {
        var now = DateTimeOffset.UtcNow;
        ulong system = StatsReader.SystemCpuNs(ReadProc("/proc/stat"));
        if (!c.IsRunning) return new StatsSample { Read = now, SystemCpuNs = system, OnlineCpus = Environment.ProcessorCount };
        Cgroups.Stats.CgroupStats stats;
        try
        {
            stats = CgroupOf(c).GetStats();
        }
        catch (CgroupException)
        {
            return new StatsSample { Read = now, SystemCpuNs = system, OnlineCpus = Environment.ProcessorCount };
        }
        var network = ConfigOf(c).Options.Network == "host" ? (0UL, 0UL) : StatsReader.NetworkBytes(ReadProc($"/proc/{c.Pid}/net/dev"));
        return StatsReader.FromCgroup(stats, now, system, Environment.ProcessorCount, StatsReader.HostMemory(ReadProc("/proc/meminfo")), network);
    }

    private static string ReadProc(string path)
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
}
