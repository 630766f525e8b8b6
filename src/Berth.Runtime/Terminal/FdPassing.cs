using System.Runtime.InteropServices;
using System.Text;
using Berth.Runtime.Interop;

namespace Berth.Runtime.Terminal;

/// <summary>
/// Sending and receiving one file descriptor over a unix socket (SCM_RIGHTS) together with some bytes: the
/// --console-socket protocol (the pty master), the init channel and a seccomp agent (a listener's fd).
/// </summary>
internal static unsafe class FdPassing
{
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1;
    private const int HeaderSize = 16; // cmsghdr: size_t len, int level, int type
    private const int ControlSize = 24; // CMSG_SPACE(sizeof(int))

    /// <param name="what">"send {what}" names the step in an error</param>
    internal static void Send(int socket, int fd, ReadOnlySpan<byte> data, string what)
    {
        byte* control = stackalloc byte[ControlSize];
        new Span<byte>(control, ControlSize).Clear();
        *(nuint*)control = HeaderSize + sizeof(int);
        *(int*)(control + 8) = SOL_SOCKET;
        *(int*)(control + 12) = SCM_RIGHTS;
        *(int*)(control + HeaderSize) = fd;
        fixed (byte* bytes = data)
        {
            var iov = new IoVec { Base = bytes, Len = (nuint)data.Length };
            var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
            nint n;
            do n = Libc.sendmsg(socket, &msg, 0);
            while (n < 0 && Marshal.GetLastPInvokeError() == Sys.EINTR);
            if (n < 0) throw Sys.Error("send " + what);
        }
    }

    /// <summary>The pty master, with the name of what it is as the data (as runc sends it).</summary>
    internal static void Send(int socket, int fd, string name) =>
        Send(socket, fd, Encoding.UTF8.GetBytes(name), "the pty master over the console socket");

    /// <summary>Receives a message into <paramref name="data"/>; returns its descriptor (close-on-exec), or -1 when it carried none.</summary>
    internal static int Receive(int socket, Span<byte> data, out int length, string what)
    {
        byte* control = stackalloc byte[ControlSize];
        fixed (byte* bytes = data)
        {
            var iov = new IoVec { Base = bytes, Len = (nuint)data.Length };
            var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
            nint n;
            do n = Libc.recvmsg(socket, &msg, 0x40000000 /* MSG_CMSG_CLOEXEC */);
            while (n < 0 && Marshal.GetLastPInvokeError() == Sys.EINTR);
            if (n < 0) throw Sys.Error("receive " + what);
            length = (int)n;
            bool hasFd = msg.ControlLen >= HeaderSize + sizeof(int) && *(int*)(control + 8) == SOL_SOCKET && *(int*)(control + 12) == SCM_RIGHTS;
            return hasFd ? *(int*)(control + HeaderSize) : -1;
        }
    }

    /// <summary>Receives the pty master from the console socket; throws when the message carries none.</summary>
    internal static int Receive(int socket)
    {
        Span<byte> data = stackalloc byte[4096];
        int fd = Receive(socket, data, out _, "the pty master from the console socket");
        return fd >= 0 ? fd : throw new Oci.BerthException("console socket: the message carried no file descriptor");
    }
}
