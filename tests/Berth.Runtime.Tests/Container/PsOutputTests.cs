using Berth.Oci;
using Berth.Runtime.Container;

namespace Berth.Runtime.Tests.Container;

public class PsOutputTests
{
    private const string Ef = """
        UID          PID    PPID  C STIME TTY          TIME CMD
        root           1       0  0 10:00 ?        00:00:01 /sbin/init
        root        4242    4200  0 10:01 ?        00:00:00 sleep 60
        root        4243    4242  0 10:01 ?        00:00:00 sh -c 4242
        """;

    [Fact]
    public void Keeps_the_header_and_the_containers_processes_only()
    {
        string result = PsOutput.Filter(Ef, new HashSet<int> { 4242 });
        string[] lines = result.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("UID", lines[0]);
        Assert.EndsWith("sleep 60", lines[1]);
    }

    [Fact]
    public void Finds_the_pid_column_wherever_it_is()
    {
        string custom = "COMMAND PID\nsleep 7\nsh 8\n";
        Assert.Equal("COMMAND PID\nsh 8\n", PsOutput.Filter(custom, new HashSet<int> { 8 }));
    }

    [Fact]
    public void Output_without_a_pid_column_is_an_error_that_says_so()
    {
        var e = Assert.Throws<BerthException>(() => PsOutput.Filter("COMMAND\nsleep\n", new HashSet<int> { 1 }));
        Assert.Contains("PID column", e.Message);
    }
}
