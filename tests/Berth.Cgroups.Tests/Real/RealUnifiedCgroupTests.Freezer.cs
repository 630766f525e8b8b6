using Berth.Cgroups.Stats;

namespace Berth.Cgroups.Tests.Real;

/// <summary>The cgroup2 freezer and core statistics (cpu.stat) work even in a controller-less cgroup2 hierarchy.</summary>
public sealed partial class RealUnifiedCgroupTests
{
    [RootFact(HostNeed.Cgroup2Mount)]
    public void Freeze_stops_a_busy_process_until_thawed()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        using var busy = SleepProcess.StartBusy();
        manager.Apply(busy.Pid);
        manager.Freeze();
        Assert.Equal(FreezerState.Frozen, manager.GetFreezerState());
        Assert.Contains("frozen 1", File.ReadAllText(Path.Join(manager.Paths[""], "cgroup.events")), StringComparison.Ordinal);
        long frozenTicks = busy.CpuTicks();
        Thread.Sleep(300);
        Assert.Equal(frozenTicks, busy.CpuTicks());
        manager.Thaw();
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
        long thawedTicks = busy.CpuTicks();
        Thread.Sleep(300);
        Assert.True(busy.CpuTicks() > thawedTicks, "the thawed process should use CPU again");
    }

    [RootFact(HostNeed.Cgroup2Mount)]
    public void Stats_count_the_cpu_time_of_a_busy_process()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        using var busy = SleepProcess.StartBusy();
        manager.Apply(busy.Pid);
        Thread.Sleep(200);
        CgroupStats stats = manager.GetStats();
        Assert.True(stats.Cpu.Usage.Total > 0, "cpu.stat usage_usec of a busy process");
        Assert.True(stats.Cpu.Usage.User > 0);
    }
}
