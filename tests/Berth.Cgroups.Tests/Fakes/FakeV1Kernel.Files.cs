namespace Berth.Cgroups.Tests.Fakes;

/// <summary>The interface files a new v1 cgroup gets, per controller, with the kernel's initial values.</summary>
internal sealed partial class FakeV1Kernel
{
    private IEnumerable<(string, string)> ControllerFiles(string controller) => controller switch
    {
        "cpu" => [("cpu.shares", "1024"), ("cpu.cfs_period_us", "100000"), ("cpu.cfs_quota_us", "-1"), ("cpu.cfs_burst_us", "0"),
            ("cpu.rt_period_us", "1000000"), ("cpu.rt_runtime_us", "0"), ("cpu.idle", "0"),
            ("cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\n")],
        "cpuacct" => [("cpuacct.usage", "0"), ("cpuacct.usage_percpu", "0 0 "), ("cpuacct.stat", "user 0\nsystem 0\n"),
            ("cpuacct.usage_all", "cpu user system\n0 0 0\n1 0 0\n")],
        "cpuset" => [("cpuset.cpus", ""), ("cpuset.mems", ""), ("cpuset.cpu_exclusive", "0"), ("cpuset.mem_exclusive", "0"),
            ("cpuset.sched_load_balance", "1"), ("cpuset.sched_relax_domain_level", "-1")],
        "pids" => [("pids.max", "max"), ("pids.current", "0")],
        "memory" => MemoryFiles(),
        "freezer" => [("freezer.state", "THAWED\n"), ("freezer.self_freezing", "0\n"), ("freezer.parent_freezing", "0\n"), ("tasks", "")],
        "blkio" => BlkioFiles(),
        "hugetlb" => [("hugetlb.2MB.limit_in_bytes", Unlimited), ("hugetlb.2MB.rsvd.limit_in_bytes", Unlimited),
            ("hugetlb.2MB.usage_in_bytes", "0"), ("hugetlb.2MB.max_usage_in_bytes", "0"), ("hugetlb.2MB.failcnt", "0"),
            ("hugetlb.1GB.limit_in_bytes", Unlimited), ("hugetlb.1GB.rsvd.limit_in_bytes", Unlimited),
            ("hugetlb.1GB.usage_in_bytes", "0"), ("hugetlb.1GB.max_usage_in_bytes", "0"), ("hugetlb.1GB.failcnt", "0")],
        "net_cls" => [("net_cls.classid", "0")],
        "net_prio" => [("net_prio.ifpriomap", "lo 0\neth0 0\n"), ("net_prio.prioidx", "1")],
        "rdma" => [("rdma.max", ""), ("rdma.current", "")],
        "cgroup2" => [("cgroup.controllers", ""), ("cgroup.subtree_control", "")],
        _ => [("tasks", "")],
    };

    private IEnumerable<(string, string)> MemoryFiles()
    {
        yield return ("memory.limit_in_bytes", Unlimited);
        yield return ("memory.soft_limit_in_bytes", Unlimited);
        yield return ("memory.usage_in_bytes", "0");
        yield return ("memory.max_usage_in_bytes", "0");
        yield return ("memory.failcnt", "0");
        yield return ("memory.swappiness", "60");
        yield return ("memory.use_hierarchy", "1");
        yield return ("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        yield return ("memory.stat", "cache 0\nrss 0\n");
        if (SwapAccounting)
        {
            yield return ("memory.memsw.limit_in_bytes", Unlimited);
            yield return ("memory.memsw.usage_in_bytes", "0");
        }
    }

    private IEnumerable<(string, string)> BlkioFiles()
    {
        string[] throttles = ["read_bps_device", "write_bps_device", "read_iops_device", "write_iops_device",
            "io_serviced_recursive", "io_service_bytes_recursive"];
        foreach (string file in throttles)
        {
            yield return ("blkio.throttle." + file, "");
        }
        if (Cfq)
        {
            yield return ("blkio.weight", "500");
            yield return ("blkio.weight_device", "");
            yield return ("blkio.leaf_weight", "500");
            yield return ("blkio.leaf_weight_device", "");
            yield return ("blkio.io_serviced_recursive", "Total 0\n");
            yield return ("blkio.io_service_bytes_recursive", "Total 0\n");
        }
        else
        {
            yield return ("blkio.bfq.weight", "100");
            yield return ("blkio.bfq.weight_device", "default 100\n");
            yield return ("blkio.bfq.io_serviced_recursive", "Total 0\n");
            yield return ("blkio.bfq.io_service_bytes_recursive", "Total 0\n");
        }
    }
}
