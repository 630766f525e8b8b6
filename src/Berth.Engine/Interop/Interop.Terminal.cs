using System.Runtime.InteropServices;

namespace Berth.Engine.Interop;

/// <summary>
/// The libc calls for terminals and unix sockets: termios (tcgetattr/tcsetattr/cfmakeraw, termios(3)), window
/// size ioctls (TIOCGWINSZ/TIOCSWINSZ, ioctl_tty(2)), and socket/bind/listen/accept4/connect/recvmsg for the
/// console socket (the pty master arrives as SCM_RIGHTS, unix(7)) and the monitor's attach socket. Shared (as
/// linked source) by Berth.Engine and the berth-monitor binary.
/// </summary>
internal static unsafe partial class Spawn
{
    public const ulong TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
    public const int TCSANOW = 0, TermiosSize = 64;
    public const int SOL_SOCKET = 1, SCM_RIGHTS = 1, MSG_CMSG_CLOEXEC = 0x40000000, SOCK_NONBLOCK = 0x800;
    public const int EIO = 5, EPIPE = 32;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Len;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLen;
        public IoVec* Iov;
        public nuint IovLen;
        public void* Control;
        public nuint ControlLen;
        public int Flags;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcsetattr(int fd, int action, byte* termios);

    [LibraryImport("libc")]
    public static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int isatty(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ioctl(int fd, ulong request, void* arg);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(int fd, byte* addr, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int listen(int fd, int backlog);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int accept4(int fd, byte* addr, uint* length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int connect(int fd, byte* addr, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint recvmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int unlink(string path);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int shutdown(int fd, int how);

    /// <summary>rows and columns of a terminal; false when <paramref name="fd"/> is not one.</summary>
    public static bool GetWindowSize(int fd, out ushort rows, out ushort columns)
    {
        ushort* ws = stackalloc ushort[4];
        bool ok = ioctl(fd, TIOCGWINSZ, ws) == 0;
        (rows, columns) = ok ? (ws[0], ws[1]) : ((ushort)0, (ushort)0);
        return ok;
    }

    public static void SetWindowSize(int fd, ushort rows, ushort columns)
    {
        ushort* ws = stackalloc ushort[4];
        ws[0] = rows;
        ws[1] = columns;
        ws[2] = ws[3] = 0;
        ioctl(fd, TIOCSWINSZ, ws);
    }
}
