using System.Text;
using Berth.Engine.Interop;

namespace Berth.Engine.Monitor;

/// <summary>
/// Unix stream sockets by path (unix(7)): the console socket an OCI runtime connects to with the pty master
/// (<c>create|exec --console-socket PATH</c>, the master travels as SCM_RIGHTS ancillary data), and the
/// monitor's attach socket. Shared by Berth.Engine and berth-monitor (linked source).
/// </summary>
internal static unsafe class UnixSocket
{
    private const int O_PATH = 0x200000;

    /// <summary>A listening socket at <paramref name="path"/> (any old file there is replaced), mode 0600.</summary>
    public static int Listen(string path, int backlog)
    {
        int fd = Spawn.socket(Spawn.AF_UNIX, Spawn.SOCK_STREAM | Spawn.SOCK_CLOEXEC, 0);
        if (fd < 0) throw new IOException($"socket for {path}: errno {Spawn.LastErrno}");
        Spawn.unlink(path);
        byte* addr = stackalloc byte[110];
        int dir = -1;
        uint length = Address(path, addr, ref dir);
        bool ok = Spawn.bind(fd, addr, length) == 0 && Spawn.listen(fd, backlog) == 0;
        int errno = Spawn.LastErrno;
        if (dir >= 0) Spawn.close(dir);
        if (!ok)
        {
            Spawn.close(fd);
            throw new IOException($"bind/listen on {path}: errno {errno}");
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return fd;
    }

    /// <summary>A connected socket, or -1 with errno when nothing listens at <paramref name="path"/>.</summary>
    public static int Connect(string path)
    {
        int fd = Spawn.socket(Spawn.AF_UNIX, Spawn.SOCK_STREAM | Spawn.SOCK_CLOEXEC, 0);
        if (fd < 0) return -1;
        byte* addr = stackalloc byte[110];
        int dir = -1;
        uint length = Address(path, addr, ref dir);
        bool ok = Spawn.connect(fd, addr, length) == 0;
        if (dir >= 0) Spawn.close(dir);
        if (ok) return fd;
        Spawn.close(fd);
        return -1;
    }

    /// <summary>
    /// A name for <paramref name="path"/> that fits sun_path and that another process (the OCI runtime, running
    /// as the same user) can connect to: the path itself when short enough, else
    /// /proc/OURPID/fd/DIRFD/NAME through the directory opened O_PATH; the caller keeps <paramref name="dirFd"/>
    /// open while the name is in use and closes it after.
    /// </summary>
    public static string ReachablePath(string path, out int dirFd)
    {
        dirFd = -1;
        if (Encoding.UTF8.GetByteCount(path) < 100) return path;
        dirFd = Spawn.open(Path.GetDirectoryName(path)!, O_PATH | Spawn.O_CLOEXEC, 0);
        if (dirFd < 0) throw new IOException($"open {Path.GetDirectoryName(path)}: errno {Spawn.LastErrno}");
        return $"/proc/{Environment.ProcessId}/fd/{dirFd}/{Path.GetFileName(path)}";
    }

    /// <summary>accept4 on a listening socket, waiting at most <paramref name="timeoutMs"/> (-1 = forever); -1 on timeout.</summary>
    public static int Accept(int listener, int timeoutMs)
    {
        var pollFd = new Spawn.PollFd { Fd = listener, Events = Spawn.POLLIN };
        while (true)
        {
            int ready = Spawn.poll(&pollFd, 1, timeoutMs);
            if (ready < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (ready <= 0) return -1;
            int fd = Spawn.accept4(listener, null, null, Spawn.SOCK_CLOEXEC);
            if (fd >= 0 || Spawn.LastErrno != Spawn.EINTR) return fd;
        }
    }

    /// <summary>Receives one descriptor sent with SCM_RIGHTS (the runtime's pty master); -1 when the message carried none.</summary>
    public static int ReceiveFd(int socket)
    {
        const int controlSize = 24; // CMSG_SPACE(sizeof(int)): cmsghdr { size_t len; int level; int type; } + int
        byte* control = stackalloc byte[controlSize];
        byte* data = stackalloc byte[256];
        var iov = new Spawn.IoVec { Base = data, Len = 256 };
        var msg = new Spawn.MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = controlSize };
        nint n;
        do n = Spawn.recvmsg(socket, &msg, Spawn.MSG_CMSG_CLOEXEC);
        while (n < 0 && Spawn.LastErrno == Spawn.EINTR);
        if (n < 0 || msg.ControlLen < 20) return -1;
        if (*(int*)(control + 8) != Spawn.SOL_SOCKET || *(int*)(control + 12) != Spawn.SCM_RIGHTS) return -1;
        return *(int*)(control + 16);
    }

    /// <summary>
    /// sockaddr_un for <paramref name="path"/>. A path longer than sun_path (108 bytes, e.g. under a deep
    /// --root) goes through its directory opened O_PATH: /proc/self/fd/N/NAME, as conmon does.
    /// </summary>
    private static uint Address(string path, byte* addr, ref int dir)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length >= 108)
        {
            dir = Spawn.open(Path.GetDirectoryName(path)!, O_PATH | Spawn.O_CLOEXEC, 0);
            if (dir < 0) throw new IOException($"open {Path.GetDirectoryName(path)}: errno {Spawn.LastErrno}");
            bytes = Encoding.UTF8.GetBytes($"/proc/self/fd/{dir}/{Path.GetFileName(path)}");
            if (bytes.Length >= 108) throw new IOException($"{path}: file name too long for a unix socket address");
        }
        new Span<byte>(addr, 110).Clear();
        *(ushort*)addr = Spawn.AF_UNIX;
        bytes.CopyTo(new Span<byte>(addr + 2, bytes.Length));
        return (uint)(2 + bytes.Length + 1);
    }
}
