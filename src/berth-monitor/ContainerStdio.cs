using Berth.Engine.Interop;
using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>
/// The container's stdio for one run, owned by the monitor. Without a terminal: a pipe each for stdout and
/// stderr, and for stdin a pipe (-i) or /dev/null, passed to the runtime's <c>create</c> (which hands them to
/// the init). With a terminal (-t): the runtime gets /dev/null and <c>--console-socket</c>; the init opens a
/// pty in the container's devpts and sends its master here (SCM_RIGHTS); the master is then stdout and stdin.
/// </summary>
internal sealed unsafe class ContainerStdio : IDisposable
{
    private int _consoleListener = -1, _consoleDir = -1, _devNull = -1;

    private ContainerStdio() { }

    /// <summary>What the container writes: a pipe's read end, or the pty master.</summary>
    public int Out { get; private set; } = -1;
    /// <summary>Stderr's pipe; -1 with a terminal (everything comes through the master).</summary>
    public int Err { get; private set; } = -1;
    /// <summary>Where client input goes: the stdin pipe's write end, the pty master, or -1.</summary>
    public int In { get; private set; } = -1;
    public bool IsTerminal { get; private set; }
    /// <summary>The console socket path to give the runtime (short enough for sun_path).</summary>
    public string? ConsoleSocketPath { get; private set; }
    /// <summary>Child fds 0, 1, 2 for the runtime's create; closed here by <see cref="AfterCreate"/>.</summary>
    public (int Child, int Parent)[] RuntimeFds { get; private set; } = [];

    public static ContainerStdio Open(MonitorOptions options, int devNull)
    {
        var io = new ContainerStdio { _devNull = devNull };
        if (options.Tty)
        {
            io.IsTerminal = true;
            io._consoleListener = UnixSocket.Listen(options.ConsoleSocket, 1);
            io.ConsoleSocketPath = UnixSocket.ReachablePath(options.ConsoleSocket, out io._consoleDir);
            io.RuntimeFds = [(0, devNull), (1, devNull), (2, devNull)];
            return io;
        }
        var (outRead, outWrite) = Pipe();
        var (errRead, errWrite) = Pipe();
        io.Out = outRead;
        io.Err = errRead;
        int stdin = devNull;
        if (options.Stdin)
        {
            (stdin, io.In) = Pipe();
            SetNonBlocking(io.In);
        }
        io.RuntimeFds = [(0, stdin), (1, outWrite), (2, errWrite)];
        return io;
    }

    /// <summary>
    /// After a successful create: closes the ends the container has now; with a terminal, takes the pty master
    /// from the console socket (the runtime sent it during create, so it waits in the socket already).
    /// </summary>
    public void AfterCreate()
    {
        CloseChildEnds();
        if (!IsTerminal) return;
        int connection = UnixSocket.Accept(_consoleListener, 10_000);
        if (connection < 0) throw new IOException("the runtime did not connect to the console socket within 10 s");
        int master = UnixSocket.ReceiveFd(connection);
        Spawn.close(connection);
        if (master < 0) throw new IOException("the runtime sent no pty master over the console socket");
        CloseConsoleSocket();
        SetNonBlocking(master);
        Out = In = master;
    }

    public void SetWindowSize(ushort rows, ushort columns)
    {
        if (IsTerminal && In >= 0) Spawn.SetWindowSize(In, rows, columns);
    }

    /// <summary>Closes the container's stdin (docker's StdinOnce); never the pty master, which is also its output.</summary>
    public void CloseStdin()
    {
        if (IsTerminal || In < 0) return;
        Spawn.close(In);
        In = -1;
    }

    public void Dispose()
    {
        CloseChildEnds();
        CloseConsoleSocket();
        foreach (int fd in new[] { Out, Err, IsTerminal ? -1 : In }) if (fd >= 0) Spawn.close(fd);
        Out = Err = In = -1;
    }

    private void CloseChildEnds()
    {
        foreach (var (_, fd) in RuntimeFds) if (fd != _devNull && fd >= 0) Spawn.close(fd);
        RuntimeFds = [];
    }

    private void CloseConsoleSocket()
    {
        if (_consoleListener >= 0) Spawn.close(_consoleListener);
        if (_consoleDir >= 0) Spawn.close(_consoleDir);
        _consoleListener = _consoleDir = -1;
    }

    private static (int Read, int Write) Pipe()
    {
        int* fds = stackalloc int[2];
        if (Spawn.pipe2(fds, Spawn.O_CLOEXEC) < 0) throw new IOException($"pipe2: errno {Spawn.LastErrno}");
        return (fds[0], fds[1]);
    }

    internal static void SetNonBlocking(int fd) =>
        Spawn.fcntl(fd, Spawn.F_SETFL, Spawn.fcntl(fd, Spawn.F_GETFL, 0) | Spawn.O_NONBLOCK);
}
