using Berth.Cgroups.Stats;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>One stats sample of the container's cgroup, in runc's `events` shape.</summary>
    public CgroupEvent StatsEvent() => new() { Type = CgroupEvent.StatsType, Id = Id, Data = Cgroup().GetStats() };

    /// <summary>
    /// `events`: a stats event every <paramref name="interval"/>, and an "oom" event as soon as the cgroup's
    /// oom_kill count rises (checked every 100 ms), until the container stops or <paramref name="cancel"/> fires.
    /// </summary>
    public void Events(TimeSpan interval, Action<CgroupEvent> emit, CancellationToken cancel)
    {
        ulong ooms = Cgroup().GetOomKillCount();
        var nextStats = DateTime.UtcNow;
        while (!cancel.IsCancellationRequested && Status != "stopped")
        {
            ulong now = Cgroup().GetOomKillCount();
            if (now > ooms) emit(new CgroupEvent { Type = CgroupEvent.OomType, Id = Id });
            ooms = now;
            if (DateTime.UtcNow >= nextStats)
            {
                emit(StatsEvent());
                nextStats = DateTime.UtcNow + interval;
            }
            cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
        }
        // A last look: the OOM kill that ended the container (the cgroup stays until `delete`).
        if (OomKillsOrZero() > ooms) emit(new CgroupEvent { Type = CgroupEvent.OomType, Id = Id });
    }

    private ulong OomKillsOrZero()
    {
        try
        {
            return Cgroup().GetOomKillCount();
        }
        catch (Exception e) when (e is Cgroups.CgroupException or IOException)
        {
            return 0;
        }
    }
}
