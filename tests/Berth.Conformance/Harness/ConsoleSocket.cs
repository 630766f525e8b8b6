using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Berth.Conformance.Harness;

/// <summary>
/// The receiving end of --console-socket, as containerd's shim and conmon have it: a unix socket that
/// accepts one connection and receives the pty master as SCM_RIGHTS ancillary data.
/// </summary>
public sealed unsafe partial class ConsoleSocket : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public string Path { get; }

    public ConsoleSocket(string directory)
    {
        Path = System.IO.Path.Combine(directory, "console.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen(1);
    }

    /// <summary>Accepts the runtime's connection and returns the pty master it sent.</summary>
    public SafeFileHandle ReceiveMaster(TimeSpan timeout)
    {
        using var connection = _listener.AcceptAsync().WaitAsync(timeout).GetAwaiter().GetResult();
        byte data = 0;
        byte* control = stackalloc byte[64];
        var iov = new IoVec { Base = &data, Len = 1 };
        var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = 64 };
        long n = recvmsg((int)connection.Handle, &msg, 0);
        Assert.True(n >= 0, $"recvmsg on the console socket: errno {Marshal.GetLastPInvokeError()}");
        Assert.True(msg.ControlLen >= 20, "the runtime sent no file descriptor over the console socket");
        int level = *(int*)(control + 8), type = *(int*)(control + 12);
        Assert.Equal((1 /* SOL_SOCKET */, 1 /* SCM_RIGHTS */), (level, type));
        return new SafeFileHandle(*(int*)(control + 16), ownsHandle: true);
    }

    /// <summary>Reads the terminal until <paramref name="expected"/> shows up (or the time is up); returns all that was read.</summary>
    public static string ReadUntil(SafeFileHandle master, string expected, TimeSpan timeout)
    {
        var text = new StringBuilder();
        var reader = Task.Run(() =>
        {
            using var stream = new FileStream(new SafeFileHandle(master.DangerousGetHandle(), ownsHandle: false), FileAccess.Read, 1, false);
            var buffer = new byte[4096];
            int n;
            try
            {
                while ((n = stream.Read(buffer)) > 0)
                {
                    lock (text) text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                    lock (text) if (text.ToString().Contains(expected)) return;
                }
            }
            catch (IOException)
            {
                // EIO: every slave is closed (the container exited).
            }
        });
        reader.Wait(timeout);
        lock (text) return text.ToString();
    }

    public void Dispose()
    {
        _listener.Dispose();
        File.Delete(Path);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public void* Base;
        public nuint Len;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
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
    private static partial long recvmsg(int fd, MsgHdr* msg, int flags);
}
