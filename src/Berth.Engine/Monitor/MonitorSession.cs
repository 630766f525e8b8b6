using System.Globalization;
using System.Text;
using Berth.Engine.Interop;
using Berth.Engine.Processes;

namespace Berth.Engine.Monitor;

/// <summary>
/// The engine's side of one berth-monitor: starts it (posix_spawn, new session so it outlives the CLI and its
/// terminal; fd 3 = our socket pair end; stdout/stderr = RUNDIR/monitor.log), or connects to the attach socket
/// of a monitor that runs already; then speaks the <see cref="MonitorFrame"/> protocol: wait for
/// started/error, ack, and (attached) copy output until exit while sending input and window sizes. Sends may
/// come from other threads (stdin, SIGWINCH) than the one that streams.
/// </summary>
public sealed unsafe class MonitorSession : IDisposable
{
    private int _fd;
    private readonly Lock _sendLock = new();

    private MonitorSession(int pid, int fd) => (MonitorPid, _fd) = (pid, fd);

    public int MonitorPid { get; }

    public static MonitorSession Launch(string monitorPath, IReadOnlyList<string> argv, string monitorLog)
    {
        int* pair = stackalloc int[2];
        if (Spawn.socketpair(Spawn.AF_UNIX, Spawn.SOCK_STREAM | Spawn.SOCK_CLOEXEC, 0, pair) < 0) throw new EngineException($"socketpair: errno {Spawn.LastErrno}");
        int devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        int log = Spawn.open(monitorLog, Spawn.O_WRONLY | Spawn.O_CREAT | Spawn.O_APPEND | Spawn.O_CLOEXEC, 0x180);
        try
        {
            int pid = ProcessSpawner.Start(monitorPath, [monitorPath, .. argv], [(0, devNull), (1, log), (2, log), (3, pair[1])], newSession: true);
            return new MonitorSession(pid, pair[0]);
        }
        catch (SpawnException e)
        {
            Spawn.close(pair[0]);
            throw new EngineException($"cannot start the monitor {monitorPath}: {e.Message}");
        }
        finally
        {
            Spawn.close(pair[1]);
            Spawn.close(devNull);
            Spawn.close(log);
        }
    }

    /// <summary>The container's pid once the monitor started it; throws the runtime's error (with docker's exit code) otherwise.</summary>
    public int WaitForStart(string monitorLog)
    {
        var (type, payload) = ReadFrame();
        if (type == MonitorFrame.Started) return int.Parse(Encoding.UTF8.GetString(payload), CultureInfo.InvariantCulture);
        if (type == MonitorFrame.Error)
        {
            string text = Encoding.UTF8.GetString(payload);
            int newline = text.IndexOf('\n');
            string message = Runtime.RuntimeErrorClassifier.LastError(text[(newline + 1)..]);
            throw new EngineException(message.Length > 0 ? message : $"the OCI runtime failed to {text[..newline]} the container", Runtime.RuntimeErrorClassifier.ExitCode(message));
        }
        string why = File.Exists(monitorLog) ? File.ReadAllText(monitorLog).Trim() : "";
        throw new EngineException($"the monitor exited before starting the container{(why.Length > 0 ? ": " + why : "")}");
    }

    /// <summary>A client of the attach socket of a running container's monitor; null when nothing listens there.</summary>
    public static MonitorSession? Connect(string attachSocket)
    {
        int fd = UnixSocket.Connect(attachSocket);
        return fd < 0 ? null : new MonitorSession(0, fd);
    }

    public void Ack() => Send(MonitorFrame.Ack, []);

    /// <summary>Input for the container's stdin; false once the monitor is gone.</summary>
    public bool SendInput(ReadOnlySpan<byte> data) => Send(MonitorFrame.Stdin, data);

    /// <summary>Our stdin ended (the monitor closes the container's stdin when it was started attached with -i).</summary>
    public void CloseInput() => Send(MonitorFrame.CloseStdin, []);

    public void Resize(ushort rows, ushort columns) => Send(MonitorFrame.Resize, MonitorFrame.ResizePayload(rows, columns));

    private bool Send(byte type, ReadOnlySpan<byte> payload)
    {
        lock (_sendLock)
        {
            return _fd >= 0 && MonitorFrame.Send(_fd, type, payload);
        }
    }

    /// <summary>Attached: hands each chunk of output to <paramref name="output"/> (0 stdout, 1 stderr); the exit code, or null when the monitor went away.</summary>
    public int? Stream(Action<int, ReadOnlySpan<byte>> output)
    {
        while (true)
        {
            var (type, payload) = ReadFrame();
            switch (type)
            {
                case MonitorFrame.Stdout: output(0, payload); break;
                case MonitorFrame.Stderr: output(1, payload); break;
                case MonitorFrame.Exit: return int.Parse(Encoding.UTF8.GetString(payload), CultureInfo.InvariantCulture);
                case 0: return null;
            }
        }
    }

    /// <summary>waitpid on the monitor (our child): returns when its exit command (cleanup) has finished.</summary>
    public int WaitForMonitorExit() => ExitStatus.ToExitCode(ProcessSpawner.Wait(MonitorPid));

    public void Dispose()
    {
        lock (_sendLock)
        {
            if (_fd >= 0) Spawn.close(_fd);
            _fd = -1;
        }
    }

    /// <summary>Stops the session from another thread (detach keys): shutdown(2) ends a <see cref="Stream"/> blocked in read.</summary>
    public void Detach()
    {
        lock (_sendLock)
        {
            if (_fd >= 0) Spawn.shutdown(_fd, 2);
        }
    }

    /// <summary>One frame; type 0 at end of stream.</summary>
    private (byte Type, byte[] Payload) ReadFrame() => MonitorFrame.Read(_fd) ?? ((byte)0, []);
}
