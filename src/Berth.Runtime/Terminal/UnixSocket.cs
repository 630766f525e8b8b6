using System.Text;
using Berth.Runtime.Interop;

namespace Berth.Runtime.Terminal;

/// <summary>A client connection to a unix socket path (the --console-socket of containerd/podman).</summary>
internal static unsafe class UnixSocket
{
    private const int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000;

    /// <param name="name">what the path is, for errors: "--console-socket" by default</param>
    internal static int Connect(string path, string name = "--console-socket")
    {
        byte[] p = Encoding.UTF8.GetBytes(path);
        if (p.Length >= 108) throw new Oci.BerthException($"{name} {path}: path too long for a unix socket");
        int fd = Libc.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        Sys.Check(fd, $"socket for {name}");
        byte* addr = stackalloc byte[110];
        new Span<byte>(addr, 110).Clear();
        *(ushort*)addr = AF_UNIX;
        p.CopyTo(new Span<byte>(addr + 2, p.Length));
        if (Libc.connect(fd, addr, (uint)(2 + p.Length + 1)) < 0)
        {
            var e = Sys.Error($"connect to {name} {path}");
            Sys.Close(fd);
            throw e;
        }
        return fd;
    }
}
