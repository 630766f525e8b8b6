using System.Runtime.InteropServices;
using System.Text;
using Berth.Runtime.Interop;

namespace Berth.Runtime.Terminal;

/// <summary>Sending and receiving one file descriptor over a unix socket (SCM_RIGHTS), as the --console-socket protocol does.</summary>
internal static unsafe class FdPassing
{
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1;
    private const int HeaderSize = 16; // cmsghdr: size_t len, int level, int type
    private const int ControlSize = 24; // CMSG_SPACE(sizeof(int))

    internal static void Send(int socket, int fd, string name)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte* control = stackalloc byte[ControlSize];
        new Span<byte>(control, ControlSize).Clear();
        *(nuint*)control = HeaderSize + sizeof(int);
        *(int*)(control + 8) = SOL_SOCKET;
        *(int*)(control + 12) = SCM_RIGHTS;
        *(int*)(control + HeaderSize) = fd;
        fixed (byte* data = nameBytes)
        {
            var iov = new IoVec { Base = data, Len = (nuint)nameBytes.Length };
            var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
            if (Libc.sendmsg(socket, &msg, 0) < 0) throw Sys.Error("send the pty master over the console socket");
        }
    }

    /// <summary>Receives a descriptor; throws when the message carries none.</summary>
    internal static int Receive(int socket)
    {
        byte* control = stackalloc byte[ControlSize];
        byte* data = stackalloc byte[4096];
        var iov = new IoVec { Base = data, Len = 4096 };
        var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
        nint n;
        do n = Libc.recvmsg(socket, &msg, 0x40000000 /* MSG_CMSG_CLOEXEC */);
        while (n < 0 && Marshal.GetLastPInvokeError() == Sys.EINTR);
        if (n < 0) throw Sys.Error("receive the pty master from the console socket");
        if (msg.ControlLen < HeaderSize + sizeof(int) || *(int*)(control + 12) != SCM_RIGHTS)
        {
            throw new Oci.BerthException("console socket: the message carried no file descriptor");
        }
        return *(int*)(control + HeaderSize);
    }
}
