using System.Buffers.Binary;

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
internal static class MonitorFrame
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
