using System.Text.Json;
using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>The contract for pause/resume (freezer), stats and update, the same on v1 and v2.</summary>
public abstract partial class CgroupManagerContract
{
    [Fact]
    public void Freeze_makes_the_state_frozen_and_Thaw_makes_it_thawed()
    {
        ICgroupManager manager = Created();
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
        manager.Freeze();
        Assert.Equal(FreezerState.Frozen, manager.GetFreezerState());
        manager.Thaw();
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
    }

    [Fact]
    public void Freezer_state_of_a_cgroup_that_does_not_exist_is_undefined() =>
        Assert.Equal(FreezerState.Undefined, NewManager().GetFreezerState());

    [Fact]
    public void Freezing_a_cgroup_that_does_not_exist_names_it()
    {
        var error = Assert.Throws<CgroupException>(NewManager().Freeze);
        Assert.Contains("/berth/c1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_report_pids_current_and_limit()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 20 } });
        Fake.Put(manager.Paths[PidsKey], "pids.current", "3\n");
        PidsStats pids = manager.GetStats().Pids;
        Assert.Equal(3UL, pids.Current);
        Assert.Equal(20UL, pids.Limit);
    }

    [Fact]
    public void Stats_report_no_pids_limit_as_zero_like_runc()
    {
        ICgroupManager manager = Created();
        Assert.Equal(0UL, manager.GetStats().Pids.Limit);
    }

    [Fact]
    public void Oom_kills_are_counted_in_stats_and_on_their_own()
    {
        ICgroupManager manager = Created();
        Assert.Equal(0UL, manager.GetOomKillCount());
        ReportOomKills(manager, 2);
        Assert.Equal(2UL, manager.GetOomKillCount());
        Assert.Equal(2UL, manager.GetStats().Memory.OomKills);
    }

    [Fact]
    public void Stats_of_a_fresh_cgroup_serialize_in_runcs_shape()
    {
        ICgroupManager manager = Created();
        var evt = new CgroupEvent { Type = CgroupEvent.StatsType, Id = "c1", Data = manager.GetStats() };
        string json = JsonSerializer.Serialize(evt, CgroupStatsJsonContext.Default.CgroupEvent);
        Assert.StartsWith("{\"type\":\"stats\",\"id\":\"c1\",\"data\":{\"cpu\":{\"usage\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"pids\":{}", json, StringComparison.Ordinal);
        Assert.EndsWith("\"intel_rdt\":{},\"network_interfaces\":null}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_as_update_changes_only_the_fields_given()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 20 }, Cpu = new Cpu { Cpus = "0-1" } });
        int writes = Fake.Writes.Count;
        manager.Set(new Resources { Pids = new Pids { Limit = 30 } });
        Assert.Equal([$"write 30 to {manager.Paths[PidsKey].Replace(Fake.Root, "", StringComparison.Ordinal)}/pids.max"], Fake.Writes.Skip(writes));
        Assert.Equal("0-1", Fake.ReadText(Path.Join(manager.Paths[CpusetKey], "cpuset.cpus")));
    }
}
