using Berth.Conformance.Harness;

namespace Berth.Conformance.Cli;

/// <summary>
/// process.terminal with --console-socket (runtime-spec config.md "terminal"; runc's console socket
/// protocol): the runtime makes a pty in the container's devpts and sends its master over the socket.
/// </summary>
public class ConsoleSocketTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public async Task Create_sends_the_pty_master_and_the_process_has_it_as_its_terminal(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "tty; stty size; echo console-ok; sleep 5");
        b.Spec.Process!.Terminal = true;
        b.Spec.Process.ConsoleSize = new Berth.Oci.Spec.ConsoleSize { Height = 33, Width = 101 };
        b.Write();
        using var console = new ConsoleSocket(b.Dir);
        var create = Task.Run(() => b.Cli("create", "--bundle", b.BundleDir, "--console-socket", console.Path, b.Id));
        using var master = console.ReceiveMaster(Timeout);
        (await create.WaitAsync(Timeout)).AssertSuccess("create --console-socket");
        b.Cli("start", b.Id).AssertSuccess("start");
        string output = ConsoleSocket.ReadUntil(master, "console-ok", Timeout);
        Assert.Contains("/dev/pts/0", output);
        Assert.Contains("33 101", output);
        Assert.Contains("console-ok", output);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public async Task Exec_tty_with_a_console_socket_gets_its_own_pty(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        using var console = new ConsoleSocket(b.Dir);
        var exec = Task.Run(() => b.Cli("exec", "--tty", "--detach", "--console-socket", console.Path, b.Id, "sh", "-c", "tty; echo exec-ok; sleep 2"));
        using var master = console.ReceiveMaster(Timeout);
        (await exec.WaitAsync(Timeout)).AssertSuccess("exec --tty --console-socket");
        string output = ConsoleSocket.ReadUntil(master, "exec-ok", Timeout);
        Assert.Contains("/dev/pts/", output);
        Assert.Contains("exec-ok", output);
    }
}
