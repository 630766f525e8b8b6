using Berth.Cgroups.Tests.Fakes;

namespace Berth.Cgroups.Tests;

/// <summary>Freezer details per version: v1 retries while FREEZING (runc's loop), v2 waits for cgroup.events; both thaw on failure.</summary>
public sealed class FreezerTests
{
    private static ICgroupManager Created(FakeCgroupFs fake, CgroupHost host)
    {
        ICgroupManager manager = CgroupManagerFactory.Create(host, "/berth/c1", "c1", fake);
        manager.Create();
        return manager;
    }

    [Fact]
    public void V1_writes_frozen_again_while_the_kernel_says_freezing()
    {
        using var fake = new FakeV1Kernel { FreezingWrites = 3 };
        ICgroupManager manager = Created(fake, fake.Host);
        manager.Freeze();
        Assert.Equal(4, fake.Writes.Count(w => w == "write FROZEN to /freezer/berth/c1/freezer.state"));
        Assert.Equal(FreezerState.Frozen, manager.GetFreezerState());
    }

    [Fact]
    public void V1_rests_thawed_every_50_attempts_and_gives_up_thawed_after_1000()
    {
        using var fake = new FakeV1Kernel { FreezingWrites = int.MaxValue };
        ICgroupManager manager = Created(fake, fake.Host);
        var error = Assert.Throws<CgroupException>(manager.Freeze);
        Assert.Contains("freezer.state stayed FREEZING after 1000 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, fake.Writes.Count(w => w.StartsWith("write FROZEN", StringComparison.Ordinal)));
        Assert.Equal(20, fake.Pauses.Count);
        Assert.Equal("write THAWED to /freezer/berth/c1/freezer.state", fake.Writes[^1]);
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
    }

    [Fact]
    public void V1_frozen_only_through_an_ancestor_counts_as_thawed()
    {
        using var fake = new FakeV1Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        fake.Put(manager.Paths["freezer"], "freezer.state", "FROZEN\n");
        fake.Put(manager.Paths["freezer"], "freezer.self_freezing", "0\n");
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
    }

    [Fact]
    public void V1_state_waits_out_freezing_but_not_forever()
    {
        using var fake = new FakeV1Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        fake.Put(manager.Paths["freezer"], "freezer.state", "FREEZING\n");
        var error = Assert.Throws<CgroupException>(() => manager.GetFreezerState());
        Assert.EndsWith("freezer.state stayed FREEZING for 1000 ms: a pause is still in progress or stuck; retry", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, fake.Pauses.Count);
    }

    [Fact]
    public void V1_without_a_freezer_hierarchy_cannot_pause_and_reports_undefined()
    {
        using var fake = new FakeV1Kernel();
        var mounts = fake.Host.V1Mountpoints.Where(kv => kv.Key != "freezer").ToDictionary();
        ICgroupManager manager = Created(fake, CgroupHost.ForV1(mounts, null));
        Assert.Equal(FreezerState.Undefined, manager.GetFreezerState());
        var error = Assert.Throws<CgroupException>(manager.Freeze);
        Assert.StartsWith("cannot pause: the freezer controller has no cgroup v1 hierarchy mounted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V2_polls_cgroup_events_then_thaws_and_fails_when_it_never_freezes()
    {
        using var fake = new FakeV2Kernel { FreezeNeverCompletes = true };
        ICgroupManager manager = Created(fake, fake.Host);
        var error = Assert.Throws<CgroupException>(manager.Freeze);
        Assert.Contains("cgroup.events did not report \"frozen 1\" within 00:00:10", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, fake.Pauses.Count);
        Assert.Equal(["write 1 to /berth/c1/cgroup.freeze", "write 0 to /berth/c1/cgroup.freeze"], fake.Writes.Where(w => w.EndsWith("cgroup.freeze", StringComparison.Ordinal)));
    }

    [Fact]
    public void V2_without_cgroup_freeze_cannot_pause_but_resume_is_a_no_op()
    {
        using var fake = new FakeV2Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        File.Delete(Path.Join(manager.Paths[""], "cgroup.freeze"));
        manager.Thaw();
        Assert.Equal(FreezerState.Undefined, manager.GetFreezerState());
        var error = Assert.Throws<CgroupException>(manager.Freeze);
        Assert.EndsWith("cgroup.freeze does not exist (the cgroup2 freezer needs Linux 5.2 or later)", error.Message, StringComparison.Ordinal);
    }
}
