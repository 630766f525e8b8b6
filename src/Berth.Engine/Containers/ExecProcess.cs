using Berth.Engine.Interop;
using Berth.Engine.Monitor;
using Berth.Engine.Processes;
using Berth.Engine.Runtime;

namespace Berth.Engine.Containers;

/// <summary>
/// One `berth exec` through the container's OCI runtime:
/// <c>RUNTIME --root R --log L --log-format json exec --process FILE [--tty --console-socket S] [--detach
/// --pid-file P] ID</c>. Without a terminal the runtime gets the caller's stdio and waits for the process;
/// with one, the runtime gets /dev/null, sends the pty master over the console socket (SCM_RIGHTS), which the
/// caller then relays, and runs detached (runc refuses a console socket otherwise, as conmon knows): the
/// caller makes itself a child subreaper first so that the process, orphaned when the runtime exits, is
/// reparented to it and can be waited for (<see cref="ProcessPid"/>).
/// The exit code is the process's; when the runtime itself failed (its log has an error), the error is thrown
/// with docker's code (127 not found, 126 cannot execute, 125 other). Dispose removes the process file, the
/// log and the socket.
/// </summary>
public sealed unsafe class ExecProcess : IDisposable
{
    private readonly IOciRuntime _runtime;
    private readonly string _id, _processFile, _logFile, _socketPath, _pidFile;
    private readonly bool _detach;
    private int _listener = -1, _socketDir = -1;

    internal ExecProcess(IOciRuntime runtime, string id, string runDir, string name, bool tty, bool detach)
    {
        (_runtime, _id, _detach, Tty) = (runtime, id, detach, tty);
        _processFile = Path.Combine(runDir, name + ".json");
        _logFile = Path.Combine(runDir, name + ".log");
        _socketPath = Path.Combine(runDir, name + ".sock");
        _pidFile = Path.Combine(runDir, name + ".pid");
    }

    public bool Tty { get; }

    /// <summary>The runtime's pid; with a terminal the caller then takes the master with <see cref="AcceptTerminal"/>.</summary>
    public int Start(int stdin, int stdout, int stderr)
    {
        var argv = new List<string>(_runtime.GlobalArguments(_logFile)) { "exec", "--process", _processFile };
        if (Tty)
        {
            _listener = UnixSocket.Listen(_socketPath, 1);
            argv.AddRange(["--tty", "--console-socket", UnixSocket.ReachablePath(_socketPath, out _socketDir)]);
        }
        if (_detach || Tty) argv.AddRange(["--detach", "--pid-file", _pidFile]);
        argv.Add(_id);
        try
        {
            return ProcessSpawner.Start(_runtime.Path, argv, [(0, stdin), (1, stdout), (2, stderr)]);
        }
        catch (SpawnException e)
        {
            throw new EngineException($"cannot run the OCI runtime {_runtime.Path}: {e.Message}", 126);
        }
    }

    /// <summary>The pty master the runtime sends; -1 when the runtime exited first (its status in <paramref name="status"/>).</summary>
    public int AcceptTerminal(int runtimePid, out int? status)
    {
        status = null;
        while (true)
        {
            int connection = UnixSocket.Accept(_listener, 100);
            if (connection >= 0)
            {
                int master = UnixSocket.ReceiveFd(connection);
                Spawn.close(connection);
                return master;
            }
            if (Spawn.waitpid(runtimePid, out int s, Spawn.WNOHANG) == runtimePid)
            {
                status = s;
                return -1;
            }
        }
    }

    /// <summary>With a terminal, after the runtime exited 0: the pid of the process it started (from its pid file).</summary>
    public int ProcessPid() =>
        int.TryParse(File.Exists(_pidFile) ? File.ReadAllText(_pidFile).Trim() : "", out int pid) && pid > 0
            ? pid : throw new EngineException($"the OCI runtime {_runtime.Path} wrote no pid file for the exec", 125);

    /// <summary>waitpid on the runtime, then <see cref="ExitCode"/>.</summary>
    public int Wait(int runtimePid) => ExitCode(ProcessSpawner.Wait(runtimePid));

    /// <summary>The process's exit code from the runtime's wait status; throws the runtime's own error.</summary>
    public int ExitCode(int waitStatus)
    {
        int code = ExitStatus.ToExitCode(waitStatus);
        if (code == 0) return 0;
        string message = File.Exists(_logFile) ? RuntimeErrorClassifier.LastError(File.ReadAllText(_logFile)) : "";
        if (message.Length > 0) throw new EngineException($"OCI runtime exec failed: {message}", RuntimeErrorClassifier.ExitCode(message));
        return code;
    }

    public void Dispose()
    {
        if (_listener >= 0) Spawn.close(_listener);
        if (_socketDir >= 0) Spawn.close(_socketDir);
        _listener = _socketDir = -1;
        foreach (string f in new[] { _processFile, _logFile, _socketPath, _pidFile }) File.Delete(f);
    }
}
