namespace Berth.Cgroups.Stats;

/// <summary>pids.current and pids.max read the same on v1 and v2; a "max" limit is reported as 0 (no limit), as runc does.</summary>
internal static class PidsStatsReader
{
    public static void Add(StatFiles files, PidsStats pids)
    {
        pids.Current = files.Unsigned("pids.current");
        pids.Limit = files.Unsigned("pids.max", max: 0);
    }
}
