using System.Text;
using Berth.Engine.Logs;
using Berth.Engine.Monitor;
using Berth.Engine.Runtime;

namespace Berth.Engine.Tests;

/// <summary>
/// The real berth-monitor (under `dotnet`) with a fake OCI runtime written in sh: "create" starts a background
/// shell that waits on a fifo for "start" and then runs the bundle's cmd.sh with the monitor's pipes, exactly
/// the shape of a real runtime (the init outlives create and is reparented to the subreaper monitor). No root.
/// </summary>
public class MonitorTests : IDisposable
{
    private const string FakeRuntime = """
        #!/bin/sh
        while [ "${1#--}" != "$1" ]; do
          [ "$1" = --log ] && log=$2
          shift 2
        done
        verb=$1; shift
        case $verb in
          create)
            bundle=$2; pidfile=$4; id=$5
            if [ -f "$bundle/fail" ]; then printf '{"level":"error","msg":"%s","time":"t"}\n' "$(cat "$bundle/fail")" >> "$log"; exit 1; fi
            mkfifo "$bundle/$id.fifo"
            # sh gives a background job /dev/null as stdin: keep the monitor's stdin on fd 3 for cmd.sh.
            exec 3<&0
            ( read go < "$bundle/$id.fifo"; exec sh "$bundle/cmd.sh" 0<&3 3<&- ) &
            exec 3<&-
            echo $! > "$pidfile" ;;
          start) echo go > "$(dirname "$0")/bundle/$1.fifo" ;;
          delete) echo "delete $*" >> "$(dirname "$0")/deleted"; rm -f "$(dirname "$0")/bundle/$2.fifo" ;;
        esac
        """;

    private readonly TempDirectory _dir = new();

    public MonitorTests()
    {
        File.WriteAllText(_dir.Combine("runtime"), FakeRuntime.Replace("\r", ""));
        File.SetUnixFileMode(_dir.Combine("runtime"), (UnixFileMode)0x1ED);
        Directory.CreateDirectory(_dir.Combine("bundle"));
    }

    public void Dispose() => _dir.Dispose();

    private MonitorSession Launch(string script, bool attach, params string[] extra)
    {
        File.WriteAllText(_dir.Combine("bundle/cmd.sh"), script);
        string dotnet = RuntimeLocator.FindBinary("dotnet") ?? throw new InvalidOperationException("dotnet not in PATH");
        var argv = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "berth-monitor.dll"), "--id", "berth-test-c1", "--runtime", _dir.Combine("runtime"),
            "--runtime-root", _dir.Path, "--bundle", _dir.Combine("bundle"), "--pid-file", _dir.Combine("pid"),
            "--runtime-log", _dir.Combine("runtime.log"), "--log", _dir.Combine("c-json.log"), "--exit-file", _dir.Combine("exit"),
        };
        if (attach) argv.Add("--attach");
        argv.AddRange(extra);
        // The monitor appends --restarting or --started PID around restarts: they arrive as $0 and $1.
        argv.AddRange(["--", "/bin/sh", "-c", $"echo cleaned > {_dir.Combine("exit-command")}; echo \"$0 $1\" >> {_dir.Combine("exit-commands")}"]);
        return MonitorSession.Launch(dotnet, argv, _dir.Combine("monitor.log"));
    }

    [Fact]
    public void AttachedRunStreamsLogsAndReportsTheExitCode()
    {
        using var session = Launch("echo out1; echo err1 >&2; echo out2; exit 3", attach: true);
        int pid = session.WaitForStart(_dir.Combine("monitor.log"));
        Assert.True(pid > 0);
        session.Ack();
        var output = new StringBuilder();
        int? code = session.Stream((stream, data) => output.Append(stream).Append(':').Append(Encoding.UTF8.GetString(data)));
        Assert.Equal(3, session.WaitForMonitorExit());
        Assert.Equal(3, code);
        Assert.Contains("0:out1", output.ToString());
        Assert.Contains("1:err1", output.ToString());
        var log = JsonLogReader.ReadAll(_dir.Combine("c-json.log"));
        Assert.Equal(["err1\n", "out1\n", "out2\n"], log.Select(e => Encoding.UTF8.GetString(e.Data)).Order());
        Assert.StartsWith("3 ", File.ReadAllText(_dir.Combine("exit")));
        Assert.Equal("cleaned\n", File.ReadAllText(_dir.Combine("exit-command")));
        Assert.Contains("delete --force berth-test-c1", File.ReadAllText(_dir.Combine("deleted")));
    }

    [Fact]
    public void DetachedMonitorKeepsLoggingAfterTheEngineLetsGo()
    {
        int monitorPid;
        using (var session = Launch("sleep 0.3; echo late; kill -TERM $$", attach: false))
        {
            session.WaitForStart(_dir.Combine("monitor.log"));
            session.Ack();
            monitorPid = session.MonitorPid;
        }
        Assert.Equal(128 + 15, Berth.Engine.Processes.ExitStatus.ToExitCode(Berth.Engine.Processes.ProcessSpawner.Wait(monitorPid)));
        Assert.Equal("late\n", Encoding.UTF8.GetString(JsonLogReader.ReadAll(_dir.Combine("c-json.log")).Single().Data));
        Assert.StartsWith("143 ", File.ReadAllText(_dir.Combine("exit")));
    }

    [Fact]
    public void CreateFailureBecomesDockersExitCode()
    {
        File.WriteAllText(_dir.Combine("bundle/fail"), "exec: nosuch: executable file not found in $PATH");
        using var session = Launch("true", attach: true);
        var e = Assert.Throws<EngineException>(() => session.WaitForStart(_dir.Combine("monitor.log")));
        Assert.Equal(127, e.ExitCode);
        Assert.Contains("executable file not found", e.Message);
        Assert.Equal(125, session.WaitForMonitorExit());
        Assert.False(File.Exists(_dir.Combine("exit-command")));
    }

    [Fact]
    public void StdinFramesReachTheContainerAndCloseItsStdin()
    {
        using var session = Launch("while read line; do echo \"got $line\"; done; echo eof; exit 5", attach: true, "--stdin", "--stdin-once");
        session.WaitForStart(_dir.Combine("monitor.log"));
        session.Ack();
        Assert.True(session.SendInput("one\ntwo\n"u8));
        session.CloseInput();
        var output = new StringBuilder();
        int? code = session.Stream((_, data) => output.Append(Encoding.UTF8.GetString(data)));
        Assert.Equal(5, code);
        Assert.Equal("got one\ngot two\neof\n", output.ToString());
    }

    [Fact]
    public void AttachSocketServesALateClient()
    {
        string socket = _dir.Combine("attach");
        using var session = Launch("read line; echo \"late client said $line\"; exit 6", attach: false, "--stdin", "--attach-socket", socket);
        session.WaitForStart(_dir.Combine("monitor.log"));
        session.Ack();
        using var client = MonitorSession.Connect(socket);
        Assert.NotNull(client);
        Assert.True(client.SendInput("hello\n"u8));
        var output = new StringBuilder();
        Assert.Equal(6, client.Stream((_, data) => output.Append(Encoding.UTF8.GetString(data))));
        Assert.Equal("late client said hello\n", output.ToString());
        Assert.Equal(6, session.WaitForMonitorExit());
    }

    [Fact]
    public void OnFailureRestartsUntilTheLimitThenRunsTheExitCommand()
    {
        using var session = Launch("echo run; exit 1", attach: false, "--restart", "on-failure:2", "--stop-file", _dir.Combine("stopping"));
        session.WaitForStart(_dir.Combine("monitor.log"));
        session.Ack();
        Assert.Equal(1, session.WaitForMonitorExit());
        string[] calls = File.ReadAllLines(_dir.Combine("exit-commands"));
        Assert.Equal(5, calls.Length);
        Assert.Equal(["--restarting ", "--started", "--restarting ", "--started", "/bin/sh "], calls.Select(c => c.StartsWith("--started ") ? "--started" : c));
        Assert.Equal(3, JsonLogReader.ReadAll(_dir.Combine("c-json.log")).Count);
    }

    [Fact]
    public void StopFileEndsAnAlwaysPolicy()
    {
        using var session = Launch("echo run; exit 0", attach: false, "--restart", "always", "--stop-file", _dir.Combine("stopping"));
        session.WaitForStart(_dir.Combine("monitor.log"));
        session.Ack();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (JsonLogReader.ReadAll(_dir.Combine("c-json.log")).Count < 3 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        File.WriteAllText(_dir.Combine("stopping"), "");
        Assert.Equal(0, session.WaitForMonitorExit());
        Assert.True(JsonLogReader.ReadAll(_dir.Combine("c-json.log")).Count >= 3);
        Assert.Equal("/bin/sh ", File.ReadAllLines(_dir.Combine("exit-commands"))[^1]);
    }
}
