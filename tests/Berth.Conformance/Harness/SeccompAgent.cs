using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Berth.Conformance.Harness;

/// <summary>
/// A seccomp agent, as runtime-spec config-linux.md describes one: listens on a unix socket (the
/// container's linux.seccomp.listenerPath), receives a ContainerProcessState JSON with the listener fd
/// (SCM_RIGHTS) for each process the runtime starts, and answers every notified call with -<see cref="Errno"/>.
/// </summary>
public sealed partial class SeccompAgent : IDisposable
{
    private const ulong NotifRecv = 0xC0502100; // _IOWR('!', 0, struct seccomp_notif), 80 bytes
    private const ulong NotifSend = 0xC0182101; // _IOWR('!', 1, struct seccomp_notif_resp), 24 bytes
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];

    public string Path { get; }
    public int Errno { get; }
    /// <summary>The ContainerProcessState documents received, in order.</summary>
    public List<JsonElement> Messages { get; } = [];
    /// <summary>The syscall numbers answered.</summary>
    public List<int> Answered { get; } = [];

    public SeccompAgent(string directory, int errno)
    {
        Path = System.IO.Path.Combine(directory, "agent.sock");
        Errno = errno;
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen(4);
        _tasks.Add(Task.Run(AcceptLoop));
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (connection)
            {
                int fd = ReceiveState((int)connection.Handle);
                if (fd >= 0) lock (_tasks) _tasks.Add(Task.Run(() => Serve(fd)));
            }
        }
    }

    private unsafe int ReceiveState(int socket)
    {
        byte[] data = new byte[65536];
        byte* control = stackalloc byte[64];
        long n;
        fixed (byte* d = data)
        {
            var iov = new IoVec { Base = d, Len = (nuint)data.Length };
            var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = 64 };
            n = recvmsg(socket, &msg, 0);
            if (n <= 0 || msg.ControlLen < 20 || *(int*)(control + 12) != 1 /* SCM_RIGHTS */) return -1;
        }
        lock (Messages) Messages.Add(JsonDocument.Parse(Encoding.UTF8.GetString(data, 0, (int)n)).RootElement.Clone());
        return *(int*)(control + 16);
    }

    /// <summary>Answers notifications until the filter's last process is gone (POLLHUP) or the agent is disposed.</summary>
    private unsafe void Serve(int fd)
    {
        byte* notif = stackalloc byte[80];
        byte* resp = stackalloc byte[24];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var pfd = new PollFd { Fd = fd, Events = 1 /* POLLIN */ };
                int ready = poll(&pfd, 1, 100);
                if (ready <= 0) continue;
                if ((pfd.Revents & 1) == 0) return; // POLLHUP: no process uses the filter any more
                new Span<byte>(notif, 80).Clear();
                if (ioctl(fd, NotifRecv, notif) < 0) continue; // ENOENT: the caller was killed meanwhile
                new Span<byte>(resp, 24).Clear();
                *(ulong*)resp = *(ulong*)notif;           // id
                *(int*)(resp + 16) = -Errno;              // error
                lock (Answered) Answered.Add(*(int*)(notif + 16)); // seccomp_data.nr
                ioctl(fd, NotifSend, resp);
            }
        }
        finally
        {
            close(fd);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        Task[] tasks;
        lock (_tasks) tasks = [.. _tasks];
        Task.WaitAll(tasks, TimeSpan.FromSeconds(5));
        File.Delete(Path);
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVec
    {
        public void* Base;
        public nuint Len;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MsgHdr
    {
        public void* Name;
        public uint NameLen;
        public IoVec* Iov;
        public nuint IovLen;
        public void* Control;
        public nuint ControlLen;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial long recvmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int ioctl(int fd, ulong request, void* arg);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int poll(PollFd* fds, ulong count, int timeout);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
