using System.Buffers.Binary;
using Berth.Engine.Interop;

namespace Berth.Engine.Monitor;

/// <summary>
/// The protocol between <c>berth</c> and a container's <c>berth-monitor</c> (shared as linked source by both).
/// It runs over two kinds of connection: the socket pair the monitor gets as fd 3 from the berth that starts
/// it (the control connection), and connections to the monitor's attach socket,
/// <c>RUNROOT/containers/ID/attach</c>, made later by <c>berth attach</c> or <c>berth start -a</c> of a running
/// container. Every frame is one type byte, a little-endian int32 payload length, then the payload:
/// <code>
///   monitor → berth   'S' pid            the runtime created and started the container (pid = its init)  [control]
///   monitor → berth   'E' "verb\nlog"     create/start failed; the runtime's log (the engine maps it to 125/126/127) [control]
///   berth  → monitor  'A' (empty)        the engine recorded "running"; the monitor goes on       [control]
///   monitor → berth   '1'|'2' bytes      container stdout / stderr (with a terminal everything is '1')
///   berth  → monitor  'I' bytes          input for the container's stdin (the pty master with -t)
///   berth  → monitor  'C' (empty)        the client's stdin ended: close the container's stdin (-i without -t,
///                                       only when it was started attached: docker's StdinOnce)
///   berth  → monitor  'W' rows cols      window size, two little-endian uint16 (TIOCSWINSZ on the pty master)
///   monitor → berth   'X' code           the container exited with code (shell style: 128+N for signal N)
///                                       and its exit command ran; the monitor then closes every client
/// </code>
/// The ack keeps the exit command (which writes "exited" to the database) from running before the CLI wrote
/// "running", for containers that exit at once. A client that closes its connection detaches; the container
/// goes on. The control connection is an attached client like any other once acked (only with --attach).
/// </summary>
internal static unsafe class MonitorFrame
{
    public const byte Started = (byte)'S';
    public const byte Error = (byte)'E';
    public const byte Ack = (byte)'A';
    public const byte Stdout = (byte)'1';
    public const byte Stderr = (byte)'2';
    public const byte Stdin = (byte)'I';
    public const byte CloseStdin = (byte)'C';
    public const byte Resize = (byte)'W';
    public const byte Exit = (byte)'X';
    public const int HeaderSize = 5;

    /// <summary>Largest payload a reader accepts (a client cannot make the monitor allocate more).</summary>
    public const int MaxPayload = 1 << 20;

    public static void WriteHeader(Span<byte> header, byte type, int length)
    {
        header[0] = type;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], length);
    }

    /// <summary>One whole frame on a blocking socket; false once the peer is gone (EPIPE, reset: no SIGPIPE).</summary>
    public static bool Send(int fd, byte type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(header, type, payload.Length);
        return SendAll(fd, header) && SendAll(fd, payload);
    }

    /// <summary>One frame; null when the peer closed, or announced more than <see cref="MaxPayload"/>.</summary>
    public static (byte Type, byte[] Payload)? Read(int fd)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (!ReadExactly(fd, header)) return null;
        int length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
        if (length < 0 || length > MaxPayload) return null;
        byte[] payload = new byte[length];
        return ReadExactly(fd, payload) ? (header[0], payload) : null;
    }

    private static bool SendAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            for (int done = 0; done < data.Length;)
            {
                nint n = Spawn.send(fd, p + done, data.Length - done, Spawn.MSG_NOSIGNAL);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) return false;
                done += (int)n;
            }
        }
        return true;
    }

    private static bool ReadExactly(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            for (int done = 0; done < buffer.Length;)
            {
                nint n = Spawn.read(fd, p + done, buffer.Length - done);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) return false;
                done += (int)n;
            }
        }
        return true;
    }

    public static byte[] ResizePayload(ushort rows, ushort columns)
    {
        byte[] payload = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, rows);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(2), columns);
        return payload;
    }

    /// <summary>(rows, columns) of a 'W' payload; null when it is not 4 bytes.</summary>
    public static (ushort Rows, ushort Columns)? ParseResize(ReadOnlySpan<byte> payload) =>
        payload.Length == 4 ? (BinaryPrimitives.ReadUInt16LittleEndian(payload), BinaryPrimitives.ReadUInt16LittleEndian(payload[2..])) : null;
}
