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
/// status. The container's stdout and stderr are pipes the monitor owns (passed to the runtime, which
/// hands them to the init); every line goes to the json-file log and, when the CLI is attached, over the
/// control socket. After the exit it records the code in the exit file, runs the runtime's <c>delete</c>
/// and then the exit command (<c>berth container cleanup</c>: database, unmount, --rm).
/// </summary>
internal sealed unsafe class ContainerMonitor(MonitorOptions options, int controlFd)
{
    private readonly ControlChannel _control = new(controlFd);
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(64 * 1024); // untouched until output comes

    public int Run()
    {
        Spawn.prctl(Spawn.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        int* outPipe = stackalloc int[2];
        int* errPipe = stackalloc int[2];
        if (Spawn.pipe2(outPipe, Spawn.O_CLOEXEC) < 0 || Spawn.pipe2(errPipe, Spawn.O_CLOEXEC) < 0) throw new IOException($"pipe2: errno {Spawn.LastErrno}");
        int devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        int created = RunRuntime([(0, devNull), (1, outPipe[1]), (2, errPipe[1])], "create", "--bundle", options.Bundle, "--pid-file", options.PidFile, options.Id);
        Spawn.close(outPipe[1]);
        Spawn.close(errPipe[1]);
        if (created != 0) return Fail("create", created, devNull);
        int pid = int.Parse(File.ReadAllText(options.PidFile).Trim(), CultureInfo.InvariantCulture);
        int pidfd = Spawn.PidfdOpen(pid);
        int started = RunRuntime([(0, devNull), (1, devNull), (2, devNull)], "start", options.Id);
        if (started != 0) return Fail("start", started, devNull);
        _control.Send(MonitorFrame.Started, pid.ToString(CultureInfo.InvariantCulture));
        _control.WaitForAck();
        if (!options.Attach) _control.Close();
        int exitCode;
        using (var log = new JsonLogWriter(options.Log, options.LogMaxSize, options.LogMaxFiles))
        {
            Pump(outPipe[0], errPipe[0], pidfd, log);
            exitCode = ReapContainer(pid);
            Drain(outPipe[0], 0, log);
            Drain(errPipe[0], 1, log);
        }
        File.WriteAllText(options.ExitFile, $"{exitCode} {DateTime.UtcNow:O}\n");
        _control.Send(MonitorFrame.Exit, exitCode.ToString(CultureInfo.InvariantCulture));
        _control.Close();
        RunRuntime([(0, devNull), (1, devNull), (2, devNull)], "delete", "--force", options.Id);
        RunExitCommand(devNull);
        return exitCode;
    }

    /// <summary>Copies output until the container's init exits (its pidfd polls readable).</summary>
    private void Pump(int stdout, int stderr, int pidfd, JsonLogWriter log)
    {
        Spawn.PollFd* fds = stackalloc Spawn.PollFd[3];
        fds[0] = new Spawn.PollFd { Fd = stdout, Events = Spawn.POLLIN };
        fds[1] = new Spawn.PollFd { Fd = stderr, Events = Spawn.POLLIN };
        fds[2] = new Spawn.PollFd { Fd = pidfd, Events = Spawn.POLLIN };
        while (true)
        {
            int ready = Spawn.poll(fds, 3, -1);
            if (ready < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (ready < 0) throw new IOException($"poll: errno {Spawn.LastErrno}");
            for (int i = 0; i < 2; i++)
            {
                if ((fds[i].Revents & (Spawn.POLLIN | Spawn.POLLHUP | Spawn.POLLERR)) == 0) continue;
                if (!Copy(fds[i].Fd, i, log)) fds[i].Fd = -1;
            }
            if (fds[2].Revents != 0 || pidfd < 0 && fds[0].Fd < 0 && fds[1].Fd < 0) return;
        }
    }

    /// <summary>Reads once from a pipe into the log (and the attached CLI); false at end of file.</summary>
    private bool Copy(int fd, int stream, JsonLogWriter log)
    {
        nint n;
        fixed (byte* p = _buffer)
        {
            do n = Spawn.read(fd, p, _buffer.Length); while (n < 0 && Spawn.LastErrno == Spawn.EINTR);
        }
        if (n <= 0) return false;
        var data = _buffer.AsSpan(0, (int)n);
        log.Append(stream, data);
        _control.Send(stream == 0 ? MonitorFrame.Stdout : MonitorFrame.Stderr, data);
        return true;
    }

    /// <summary>After the exit: whatever is still in the pipe, without waiting for writers that outlive the init.</summary>
    private void Drain(int fd, int stream, JsonLogWriter log)
    {
        Spawn.fcntl(fd, Spawn.F_SETFL, Spawn.fcntl(fd, Spawn.F_GETFL, 0) | Spawn.O_NONBLOCK);
        while (Copy(fd, stream, log)) { }
        Spawn.close(fd);
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

    private int Fail(string verb, int status, int devNull)
    {
        string message = File.Exists(options.RuntimeLog) ? File.ReadAllText(options.RuntimeLog) : "";
        if (message.Length == 0) message = $"{options.Runtime} {verb} exited with status {ExitStatus.ToExitCode(status)}";
        _control.Send(MonitorFrame.Error, verb + "\n" + message);
        _control.Close();
        RunRuntime([(0, devNull), (1, devNull), (2, devNull)], "delete", "--force", options.Id);
        return 125;
    }

    private int RunRuntime(IReadOnlyList<(int, int)> fds, params string[] verb)
    {
        string[] argv = options.RuntimeArgs(verb);
        return ProcessSpawner.Wait(ProcessSpawner.Start(argv[0], argv, fds));
    }

    private void RunExitCommand(int devNull)
    {
        if (options.ExitCommand.Length == 0) return;
        try
        {
            ProcessSpawner.Wait(ProcessSpawner.Start(options.ExitCommand[0], options.ExitCommand, [(0, devNull), (1, 2), (2, 2)]));
        }
        catch (SpawnException e)
        {
            Console.Error.WriteLine($"berth-monitor: exit command {options.ExitCommand[0]}: {e.Message}");
        }
    }
}
