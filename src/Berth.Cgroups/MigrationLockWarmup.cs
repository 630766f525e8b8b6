using System.Globalization;

namespace Berth.Cgroups;

/// <summary>
/// Moving a process between cgroups takes the kernel's cgroup_threadgroup_rwsem for writing. The first
/// writer after a quiet spell waits for an RCU grace period (measured here: 5–13 ms); writers that follow
/// within that window are fast. On hosts with v1 hierarchies the runtime must move its bootstrap
/// (v2 avoids it with CLONE_INTO_CGROUP), so it starts that wait early, on a background thread, while
/// it parses and validates config.json and creates the cgroup: it moves itself into the cgroup it is
/// already in, which changes nothing but takes the lock.
/// </summary>
public static class MigrationLockWarmup
{
    public static void Start(CgroupHost host)
    {
        var (controller, mountpoint) = host.V1Mountpoints.FirstOrDefault(kv => !kv.Key.StartsWith("name=", StringComparison.Ordinal));
        if (mountpoint is null || !host.OwnCgroups.TryGetValue(controller, out string? own)) return;
        string procs = Path.Join(mountpoint, own, "cgroup.procs");
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var thread = new Thread(() =>
        {
            try
            {
                File.WriteAllText(procs, pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only an optimisation: the real move reports its own errors.
            }
        })
        { IsBackground = true, Name = "cgroup lock warm-up" };
        thread.Start();
    }
}
