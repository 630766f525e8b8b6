using System.Globalization;
using Berth.Engine.Interop;
using Berth.Engine.Logs;
using Berth.Engine.Monitor;
using Berth.Engine.Processes;

namespace Berth.Monitor;

/// <summary>
/// One container's monitor, the way conmon serves podman. It makes itself the child subreaper
/// (prctl PR_SET_CHILD_SUBREAPER, see prctl(2)): when the runtime's <c>create</c> exits, the container's
/// init is reparented to the monitor instead of PID 1, so the monitor can waitpid(2) it and learn its exit
/// status. It owns the container's stdio (pipes, or the pty master with -t, see <see cref="ContainerStdio"/>):
/// every line goes to the json-file log and to the attached clients (the control socket when the CLI is
/// attached, and connections to the attach socket), and clients' input goes to the container's stdin. After an
/// exit it records the code in the exit file, runs the runtime's <c>delete</c>, and either restarts the
/// container per its restart policy (same bundle and rootfs, backoff as docker) or runs the exit command
/// (<c>berth container cleanup</c>: database, unmount, --rm) and exits.
/// </summary>
internal sealed unsafe partial class ContainerMonitor(MonitorOptions options, int controlFd)
{
    private readonly Client _control = new(controlFd);
    private readonly List<Client> _clients = [];
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(64 * 1024); // untouched until output comes
    private int _devNull = -1;
    private int _attachListener = -1;

    public int Run()
    {
        Spawn.prctl(Spawn.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        _devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        if (options.AttachSocket.Length > 0) _attachListener = UnixSocket.Listen(options.AttachSocket, 8);
        using var log = new JsonLogWriter(options.Log, options.LogMaxSize, options.LogMaxFiles);
        var delay = TimeSpan.Zero;
        for (int restarts = 0; ; restarts++)
        {
            var io = ContainerStdio.Open(options, _devNull);
            int pid = StartContainer(io, out string failedVerb, out int status);
            if (pid <= 0)
            {
                io.Dispose();
                return restarts == 0 ? Fail(failedVerb, status) : RestartFailed(failedVerb);
            }
            if (restarts == 0) Acknowledge(pid);
            else RunExitCommand("--started", pid.ToString(CultureInfo.InvariantCulture));
            long startedAt = Environment.TickCount64;
            int exitCode = RunToExit(io, pid, log);
            File.WriteAllText(options.ExitFile, $"{exitCode} {DateTime.UtcNow:O}\n");
            RunRuntime([(0, _devNull), (1, _devNull), (2, _devNull)], "delete", "--force", options.Id);
            if (!options.Restart.ShouldRestart(exitCode, restarts, StopRequested))
            {
                return Finish(exitCode);
            }
            RunExitCommand("--restarting");
            DetachClients(exitCode);
            delay = RestartPolicy.NextDelay(delay, TimeSpan.FromMilliseconds(Environment.TickCount64 - startedAt));
            if (!WaitBeforeRestart(delay)) return Finish(exitCode);
        }
    }

    /// <summary>Runtime create (with the container's stdio) and start; the init's pid, or 0 with what failed.</summary>
    private int StartContainer(ContainerStdio io, out string failedVerb, out int status)
    {
        failedVerb = "create";
        string[] create = io.ConsoleSocketPath is { } console
            ? ["create", "--bundle", options.Bundle, "--pid-file", options.PidFile, "--console-socket", console, options.Id]
            : ["create", "--bundle", options.Bundle, "--pid-file", options.PidFile, options.Id];
        status = RunRuntime(io.RuntimeFds, create);
        if (status != 0) return 0;
        try
        {
            io.AfterCreate();
        }
        catch (IOException e)
        {
            File.AppendAllText(options.RuntimeLog, e.Message + "\n");
            status = 125 << 8;
            return 0;
        }
        if (options.ConsoleSize is { } size) io.SetWindowSize(size.Rows, size.Columns);
        int pid = int.Parse(File.ReadAllText(options.PidFile).Trim(), CultureInfo.InvariantCulture);
        failedVerb = "start";
        status = RunRuntime([(0, _devNull), (1, _devNull), (2, _devNull)], "start", options.Id);
        if (status != 0) return 0;
        // A `berth stop` that came while the container was being restarted found nothing to signal.
        if (StopRequested) RunRuntime([(0, _devNull), (1, _devNull), (2, _devNull)], "kill", options.Id, "SIGKILL");
        return pid;
    }

    /// <summary>First start: tell the engine the pid, wait for its ack; the control socket stays only when attached.</summary>
    private void Acknowledge(int pid)
    {
        _control.Send(MonitorFrame.Started, pid.ToString(CultureInfo.InvariantCulture));
        WaitForAck();
        if (options.Attach && _control.IsOpen) _clients.Add(_control);
        else _control.Close();
    }

    /// <summary>Blocks until the engine sends its ack (or closes its end).</summary>
    private void WaitForAck()
    {
        var frame = _control.Receive();
        if (frame is null) _control.Close();
    }

    /// <summary>Copies output and input until the init exits; its exit code.</summary>
    private int RunToExit(ContainerStdio io, int pid, JsonLogWriter log)
    {
        int pidfd = Spawn.PidfdOpen(pid);
        try
        {
            Pump(io, pidfd, log);
            int exitCode = ReapContainer(pid);
            Drain(io.Out, 0, log);
            Drain(io.Err, 1, log);
            log.Flush(); // a last line without a newline is in the log before the exit is recorded and reported ('X')
            return exitCode;
        }
        finally
        {
            io.Dispose();
            if (pidfd >= 0) Spawn.close(pidfd);
        }
    }

    private bool StopRequested => options.StopFile.Length > 0 && File.Exists(options.StopFile);

    /// <summary>The backoff before a restart, in short slices so that `berth stop` ends it at once; false when stopped.</summary>
    private bool WaitBeforeRestart(TimeSpan delay)
    {
        long until = Environment.TickCount64 + (long)delay.TotalMilliseconds;
        while (Environment.TickCount64 < until)
        {
            if (StopRequested) return false;
            Thread.Sleep((int)Math.Clamp(until - Environment.TickCount64, 1, 50));
        }
        return !StopRequested;
    }

    /// <summary>The last exit: exit command (records it; unmounts; --rm), then 'X' to every client.</summary>
    private int Finish(int exitCode)
    {
        RunExitCommand();
        DetachClients(exitCode);
        if (_attachListener >= 0) Spawn.close(_attachListener);
        return exitCode;
    }

    private void DetachClients(int exitCode)
    {
        AcceptWaiting();
        foreach (var client in _clients)
        {
            client.Send(MonitorFrame.Exit, exitCode.ToString(CultureInfo.InvariantCulture));
            client.Close();
        }
        _clients.Clear();
        _control.Close();
    }

    /// <summary>waitpid on the init (our child, being subreaper); then reaps any other orphan that came to us.</summary>
    private static int ReapContainer(int pid)
    {
        int code = -1;
        while (true)
        {
            int r = Spawn.waitpid(pid, out int status, 0);
            if (r == pid)
            {
                code = ExitStatus.ToExitCode(status);
                break;
            }
            if (Spawn.LastErrno != Spawn.EINTR) break;
        }
        while (Spawn.waitpid(-1, out _, Spawn.WNOHANG) > 0) { }
        return code;
    }

    private int Fail(string verb, int status)
    {
        string message = File.Exists(options.RuntimeLog) ? File.ReadAllText(options.RuntimeLog) : "";
        if (message.Length == 0) message = $"{options.Runtime} {verb} exited with status {ExitStatus.ToExitCode(status)}";
        _control.Send(MonitorFrame.Error, verb + "\n" + message);
        _control.Close();
        RunRuntime([(0, _devNull), (1, _devNull), (2, _devNull)], "delete", "--force", options.Id);
        return 125;
    }

    /// <summary>A restart whose create or start failed: the container stays exited with 125 (the runtime's log says why).</summary>
    private int RestartFailed(string verb)
    {
        Console.Error.WriteLine($"berth-monitor: restart of {options.Id}: runtime {verb} failed");
        RunRuntime([(0, _devNull), (1, _devNull), (2, _devNull)], "delete", "--force", options.Id);
        File.WriteAllText(options.ExitFile, $"125 {DateTime.UtcNow:O}\n");
        return Finish(125);
    }

    private int RunRuntime(IReadOnlyList<(int, int)> fds, params string[] verb)
    {
        string[] argv = options.RuntimeArgs(verb);
        return ProcessSpawner.Wait(ProcessSpawner.Start(argv[0], argv, fds));
    }

    private void RunExitCommand(params string[] extra)
    {
        if (options.ExitCommand.Length == 0) return;
        string[] argv = [.. options.ExitCommand, .. extra];
        try
        {
            ProcessSpawner.Wait(ProcessSpawner.Start(argv[0], argv, [(0, _devNull), (1, 2), (2, 2)]));
        }
        catch (SpawnException e)
        {
            Console.Error.WriteLine($"berth-monitor: exit command {argv[0]}: {e.Message}");
        }
    }
}
