using Berth.Engine.Interop;
using Berth.Engine.Logs;
using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>The poll(2) loop of one run: container output → log and clients, clients' frames → stdin and window size.</summary>
internal sealed unsafe partial class ContainerMonitor
{
    private const int Fixed = 5; // out, err, pidfd, attach listener, stdin (for POLLOUT)

    /// <summary>Input from clients not yet taken by the container's stdin (a full pipe or pty); clients are not read meanwhile.</summary>
    private readonly List<byte> _pendingInput = [];
    private bool _closeStdinWhenFlushed;
    private Spawn.PollFd[] _pollFds = new Spawn.PollFd[Fixed + 8];

    /// <summary>When the start-up pages are let go (<see cref="StartupPages"/>): once, this long after the first start.</summary>
    private const int ReleaseAfterMs = 200;
    private long _releaseAt = -1;

    /// <summary>Copies output until the container's init exits (its pidfd polls readable).</summary>
    private void Pump(ContainerStdio io, int pidfd, JsonLogWriter log)
    {
        int outFd = io.Out, errFd = io.Err;
        _pendingInput.Clear();
        _closeStdinWhenFlushed = false;
        if (_releaseAt < 0) _releaseAt = Environment.TickCount64 + ReleaseAfterMs;
        while (true)
        {
            _clients.RemoveAll(c => !c.IsOpen);
            int count = Fixed + _clients.Count;
            if (_pollFds.Length < count) _pollFds = new Spawn.PollFd[count + 8];
            var fds = _pollFds;
            fds[0] = new Spawn.PollFd { Fd = outFd, Events = Spawn.POLLIN };
            fds[1] = new Spawn.PollFd { Fd = errFd, Events = Spawn.POLLIN };
            fds[2] = new Spawn.PollFd { Fd = pidfd, Events = Spawn.POLLIN };
            fds[3] = new Spawn.PollFd { Fd = _attachListener, Events = Spawn.POLLIN };
            fds[4] = new Spawn.PollFd { Fd = _pendingInput.Count > 0 ? io.In : -1, Events = POLLOUT };
            for (int i = 0; i < _clients.Count; i++)
            {
                fds[Fixed + i] = new Spawn.PollFd { Fd = _pendingInput.Count > 0 ? -1 : _clients[i].Fd, Events = Spawn.POLLIN };
            }
            int ready;
            fixed (Spawn.PollFd* p = fds) ready = Spawn.poll(p, (nuint)count, ReleaseTimeout());
            if (ready < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (ready < 0) throw new IOException($"poll: errno {Spawn.LastErrno}");
            if (fds[0].Revents != 0 && Copy(outFd, 0, log) == 0) outFd = -1;
            if (fds[1].Revents != 0 && Copy(errFd, 1, log) == 0) errFd = -1;
            if (fds[3].Revents != 0) AcceptClient();
            if (fds[4].Revents != 0) FlushInput(io);
            for (int i = 0; i < count - Fixed; i++)
            {
                if (fds[Fixed + i].Revents != 0) HandleFrame(_clients[i], io);
            }
            if (fds[2].Revents != 0 || pidfd < 0 && outFd < 0 && errFd < 0) return;
        }
    }

    private const short POLLOUT = 0x4;

    /// <summary>poll's timeout: until the start-up pages are due (then releases them), afterwards none (-1).</summary>
    private int ReleaseTimeout()
    {
        if (_releaseAt == long.MaxValue) return -1;
        long left = _releaseAt - Environment.TickCount64;
        if (left > 0) return (int)left;
        StartupPages.Release();
        _releaseAt = long.MaxValue;
        return -1;
    }

    /// <summary>Reads once into the log and every client: bytes read, 0 at end of file (EIO on a pty whose slave closed), -1 when nothing is there.</summary>
    private int Copy(int fd, int stream, JsonLogWriter log)
    {
        nint n;
        fixed (byte* p = _buffer)
        {
            do n = Spawn.read(fd, p, _buffer.Length); while (n < 0 && Spawn.LastErrno == Spawn.EINTR);
        }
        if (n < 0 && Spawn.LastErrno == Spawn.EAGAIN) return -1;
        if (n <= 0) return 0;
        var data = _buffer.AsSpan(0, (int)n);
        log.Append(stream, data);
        foreach (var client in _clients) client.Send(stream == 0 ? MonitorFrame.Stdout : MonitorFrame.Stderr, data);
        return (int)n;
    }

    /// <summary>After the exit: whatever is still buffered, without waiting for writers that outlive the init.</summary>
    private void Drain(int fd, int stream, JsonLogWriter log)
    {
        if (fd < 0) return;
        ContainerStdio.SetNonBlocking(fd);
        while (Copy(fd, stream, log) > 0) { }
    }

    private void AcceptClient()
    {
        int fd = Spawn.accept4(_attachListener, null, null, Spawn.SOCK_CLOEXEC);
        if (fd >= 0) _clients.Add(new Client(fd));
    }

    /// <summary>
    /// Clients still waiting in the listener's backlog (a `berth wait` that connected while the exit was being
    /// recorded) are taken in, so that they get the exit code too.
    /// </summary>
    private void AcceptWaiting()
    {
        if (_attachListener < 0) return;
        var fd = new Spawn.PollFd { Fd = _attachListener, Events = Spawn.POLLIN };
        while (Spawn.poll(&fd, 1, 0) > 0 && fd.Revents != 0)
        {
            int before = _clients.Count;
            AcceptClient();
            if (_clients.Count == before) return;
            fd.Revents = 0;
        }
    }

    private void HandleFrame(Client client, ContainerStdio io)
    {
        var frame = client.Receive();
        if (frame is not { } f)
        {
            client.Close();
            return;
        }
        switch (f.Type)
        {
            case MonitorFrame.Stdin when io.In >= 0:
                _pendingInput.AddRange(f.Payload);
                FlushInput(io);
                break;
            case MonitorFrame.CloseStdin when options.StdinOnce:
                _closeStdinWhenFlushed = true;
                FlushInput(io);
                break;
            case MonitorFrame.Resize when MonitorFrame.ParseResize(f.Payload) is { } size:
                io.SetWindowSize(size.Rows, size.Columns);
                break;
        }
    }

    /// <summary>Writes what the container's stdin takes now (non-blocking); a stdin nobody reads any more (EPIPE) drops the input.</summary>
    private void FlushInput(ContainerStdio io)
    {
        while (_pendingInput.Count > 0 && io.In >= 0)
        {
            int length = Math.Min(_pendingInput.Count, _buffer.Length);
            _pendingInput.CopyTo(0, _buffer, 0, length);
            nint n;
            fixed (byte* p = _buffer) n = Spawn.write(io.In, p, length);
            if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (n < 0 && Spawn.LastErrno == Spawn.EAGAIN) return;
            if (n <= 0)
            {
                _pendingInput.Clear();
                io.CloseStdin();
                return;
            }
            _pendingInput.RemoveRange(0, (int)n);
        }
        if (io.In < 0) _pendingInput.Clear();
        if (_closeStdinWhenFlushed && _pendingInput.Count == 0) io.CloseStdin();
    }
}
