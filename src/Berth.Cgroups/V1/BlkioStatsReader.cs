using Berth.Cgroups.Stats;

namespace Berth.Cgroups.V1;

/// <summary>
/// blkio (v1) statistics, runc's way: try groups of files in order (BFQ debug, BFQ, CFQ, throttle recursive,
/// throttle) and use the first group whose first file exists and has entries. The throttle files count every
/// request; the scheduler files only those the scheduler saw.
/// </summary>
internal static class BlkioStatsReader
{
    private static readonly (string File, Action<BlkioStats, List<BlkioEntry>> Set)[][] s_groups =
    [
        [
            ("blkio.bfq.sectors_recursive", (s, e) => s.SectorsRecursive = e),
            ("blkio.bfq.io_service_time_recursive", (s, e) => s.IoServiceTimeRecursive = e),
            ("blkio.bfq.io_wait_time_recursive", (s, e) => s.IoWaitTimeRecursive = e),
            ("blkio.bfq.io_merged_recursive", (s, e) => s.IoMergedRecursive = e),
            ("blkio.bfq.io_queued_recursive", (s, e) => s.IoQueuedRecursive = e),
            ("blkio.bfq.time_recursive", (s, e) => s.IoTimeRecursive = e),
            ("blkio.bfq.io_serviced_recursive", (s, e) => s.IoServicedRecursive = e),
            ("blkio.bfq.io_service_bytes_recursive", (s, e) => s.IoServiceBytesRecursive = e),
        ],
        [
            ("blkio.bfq.io_serviced_recursive", (s, e) => s.IoServicedRecursive = e),
            ("blkio.bfq.io_service_bytes_recursive", (s, e) => s.IoServiceBytesRecursive = e),
        ],
        [
            ("blkio.sectors_recursive", (s, e) => s.SectorsRecursive = e),
            ("blkio.io_service_time_recursive", (s, e) => s.IoServiceTimeRecursive = e),
            ("blkio.io_wait_time_recursive", (s, e) => s.IoWaitTimeRecursive = e),
            ("blkio.io_merged_recursive", (s, e) => s.IoMergedRecursive = e),
            ("blkio.io_queued_recursive", (s, e) => s.IoQueuedRecursive = e),
            ("blkio.time_recursive", (s, e) => s.IoTimeRecursive = e),
            ("blkio.io_serviced_recursive", (s, e) => s.IoServicedRecursive = e),
            ("blkio.io_service_bytes_recursive", (s, e) => s.IoServiceBytesRecursive = e),
        ],
        [
            ("blkio.throttle.io_serviced_recursive", (s, e) => s.IoServicedRecursive = e),
            ("blkio.throttle.io_service_bytes_recursive", (s, e) => s.IoServiceBytesRecursive = e),
        ],
        [
            ("blkio.throttle.io_serviced", (s, e) => s.IoServicedRecursive = e),
            ("blkio.throttle.io_service_bytes", (s, e) => s.IoServiceBytesRecursive = e),
        ],
    ];

    public static void Add(StatFiles files, BlkioStats stats)
    {
        foreach (var group in s_groups)
        {
            if (Entries(files, group[0].File) is not { } first)
            {
                continue;
            }
            group[0].Set(stats, first);
            foreach (var (file, set) in group.Skip(1))
            {
                if (Entries(files, file) is { } entries)
                {
                    set(stats, entries);
                }
            }
            return;
        }
    }

    private static List<BlkioEntry>? Entries(StatFiles files, string file)
    {
        List<BlkioEntry>? entries = files.Text(file) is string text ? StatText.Blkio(text, files.PathOf(file)) : null;
        return entries is { Count: > 0 } ? entries : null;
    }
}
