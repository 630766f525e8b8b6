using Berth.Cgroups;
using Berth.Engine.Runtime;

namespace Berth.Engine.Tests;

/// <summary>crun runs behind unshare(1) without the cgroup2 mount only on a hybrid host.</summary>
public class CrunOnHybridHostTests
{
    [Fact]
    public void OnlyHybridHostsWithUnshareGetThePrefix()
    {
        var prefix = CrunOnHybridHost.Prefix(CgroupMode.Hybrid, "/sys/fs/cgroup/unified", "/usr/bin/unshare");
        Assert.Equal(["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c"], prefix.Take(6));
        Assert.Equal(["sh", "/sys/fs/cgroup/unified"], prefix.Skip(7));
        Assert.Contains("umount \"$m\" && exec \"$@\"", prefix[6]);
        Assert.Empty(CrunOnHybridHost.Prefix(CgroupMode.V2, "/sys/fs/cgroup", "/usr/bin/unshare"));
        Assert.Empty(CrunOnHybridHost.Prefix(CgroupMode.V1, null, "/usr/bin/unshare"));
        Assert.Empty(CrunOnHybridHost.Prefix(CgroupMode.Hybrid, "/sys/fs/cgroup/unified", null));
    }

    [Fact]
    public void OtherRuntimesRunAsThemselves()
    {
        Assert.Empty(CrunOnHybridHost.Prefix("/usr/sbin/runc"));
        Assert.Empty(CrunOnHybridHost.Prefix("/opt/berth/berth-runtime"));
    }
}
