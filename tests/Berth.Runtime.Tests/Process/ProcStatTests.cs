using Berth.Runtime.Process;

namespace Berth.Runtime.Tests.Process;

public class ProcStatTests
{
    [Fact]
    public void Parses_state_and_start_time_even_with_spaces_and_parens_in_the_name()
    {
        string line = "4242 (my (weird) prog) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10 18446744073709551615";
        var stat = ProcStat.Parse(line);
        Assert.NotNull(stat);
        Assert.Equal('S', stat.Value.State);
        Assert.Equal(987654UL, stat.Value.StartTime);
    }

    [Fact]
    public void Our_own_process_is_alive_with_its_start_time_and_not_with_another()
    {
        int pid = Environment.ProcessId;
        var stat = ProcStat.Read(pid);
        Assert.NotNull(stat);
        Assert.True(ProcStat.IsAlive(pid, stat.Value.StartTime));
        Assert.False(ProcStat.IsAlive(pid, stat.Value.StartTime + 1));
        Assert.False(ProcStat.IsAlive(0, 0));
    }
}
