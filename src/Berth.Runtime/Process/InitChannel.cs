using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Berth.Oci;
using Berth.Runtime.Interop;

namespace Berth.Runtime.Process;

/// <summary>
/// The socket between berth-runtime and the container's init (a SOCK_SEQPACKET socketpair, so each
/// message is one packet: u32 type, then the payload).
///
/// <code>
///  runtime (create)                 bootstrap (nsexec.c)        init (InitProcess)
///  Bootstrap{flags, joins} ───────▶ setns, clone ─────────────▶ born in the namespaces
///  ◀────────────────────────────── Pid{init pid}; exits
///  (user ns) MapsDone ───────────────────────────────────────▶ (C) setresuid(0); .NET starts
///  Config{json} ─────────────────────────────────────────────▶ mounts, devices
///  ◀───────────────────────────────────────────────────────── MountsReady
///  prestart + createRuntime hooks
///  HooksDone ────────────────────────────────────────────────▶ createContainer hooks, pivot_root,
///                                                               hostname, masks, rlimits, exe lookup
///  (listenerPath) agent ◀─ state + fd ◀────────────────────── SeccompListener{fd}: filter loaded early
///  ◀───────────────────────────────────────────────────────── Ready  (or Error{text} at any step)
///  state.json = created; exit                                   blocks opening exec.fifo for write
///  start: read exec.fifo ────────────────────────────────────▶ user, capabilities, no_new_privs,
///                                                               startContainer hooks; execve
/// </code>
/// An unexpected message names both what was expected and what came.
/// </summary>
public sealed unsafe class InitChannel : IDisposable
{
    private const int SOCK_SEQPACKET = 5;
    private const int MaxPacket = 1 << 20;

    private byte[]? _buffer;

    public int Fd { get; private set; }

    public InitChannel(int fd) => Fd = fd;

    /// <summary>
    /// A socketpair, both ends close-on-exec: the first for the runtime, the second for the child (berth_spawn
    /// dup2s it into the child's fd table, which clears the flag there).
    /// </summary>
    public static (InitChannel Parent, int ChildFd) CreatePair()
    {
        var (parent, child) = Sys.SocketPair(SOCK_SEQPACKET, "socketpair for the init channel");
        return (new InitChannel(parent), child);
    }

    public void Send(InitMessage type, ReadOnlySpan<byte> payload)
    {
        byte[] packet = new byte[4 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(packet, (uint)type);
        payload.CopyTo(packet.AsSpan(4));
        Sys.WriteAll(Fd, packet, $"init channel ({type})");
    }

    /// <summary>A message that carries a file descriptor (SCM_RIGHTS); the type is its payload.</summary>
    public void SendFd(InitMessage type, int fd)
    {
        Span<byte> packet = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(packet, (uint)type);
        Terminal.FdPassing.Send(Fd, fd, packet, $"init channel ({type})");
    }

    /// <summary>Receives a message that must be <paramref name="expected"/> and carry a descriptor; returns it (close-on-exec).</summary>
    public int ExpectFd(InitMessage expected, string eofText)
    {
        byte[] buffer = _buffer ??= GC.AllocateUninitializedArray<byte>(MaxPacket);
        int fd = Terminal.FdPassing.Receive(Fd, buffer, out int n, "init channel");
        var type = n < 4 ? InitMessage.Error : (InitMessage)BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (type == expected && fd >= 0) return fd;
        if (fd >= 0) Libc.close(fd);
        if (n < 4) throw new BerthException(eofText);
        if (type == InitMessage.Error) throw new BerthException(Encoding.UTF8.GetString(buffer, 4, n - 4));
        throw new BerthException($"init protocol: expected {expected} with a file descriptor, received {type}");
    }

    public void Send(InitMessage type, string text) => Send(type, Encoding.UTF8.GetBytes(text));

    public void Send(InitMessage type) => Send(type, ReadOnlySpan<byte>.Empty);

    /// <summary>Receives one packet. End of stream (the peer exited) is reported as an Error with <paramref name="eofText"/>.</summary>
    public (InitMessage Type, byte[] Payload) Receive(string eofText)
    {
        // One receive buffer per channel, not zeroed: this is on every container start.
        byte[] buffer = _buffer ??= GC.AllocateUninitializedArray<byte>(MaxPacket);
        int n = Sys.Read(Fd, buffer, "init channel");
        if (n < 4)
        {
            return (InitMessage.Error, Encoding.UTF8.GetBytes(eofText));
        }
        var type = (InitMessage)BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        return (type, buffer.AsSpan(4, n - 4).ToArray());
    }

    /// <summary>Receives and checks the type; an Error packet becomes a <see cref="BerthException"/> carrying its text.</summary>
    public byte[] Expect(InitMessage expected, string eofText)
    {
        var (type, payload) = Receive(eofText);
        if (type == InitMessage.Error)
        {
            throw new BerthException(Encoding.UTF8.GetString(payload));
        }
        if (type != expected)
        {
            throw new BerthException($"init protocol: expected {expected}, received {type}");
        }
        return payload;
    }

    /// <summary>
    /// After Ready: the channel is close-on-exec in the init, so its end means the user process has been exec'd.
    /// An Error packet instead carries why it could not be.
    /// </summary>
    public void ExpectExecve()
    {
        var (type, payload) = Receive("");
        if (type == InitMessage.Error && payload.Length > 0)
        {
            throw new BerthException(Encoding.UTF8.GetString(payload));
        }
        if (type != InitMessage.Error)
        {
            throw new BerthException($"init protocol: expected the end of the channel after Ready, received {type}");
        }
    }

    public void Dispose()
    {
        if (Fd >= 0)
        {
            Libc.close(Fd);
            Fd = -1;
        }
    }
}
