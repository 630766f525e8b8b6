namespace Berth.Engine.Monitor;

/// <summary>
/// The protocol between <c>berth</c> and a container's <c>berth-monitor</c> over the socket pair the monitor
/// gets as fd 3 (shared as linked source by both). Every frame is one type byte, a little-endian int32
/// payload length, then the payload:
/// <code>
///   monitor → berth   'S' pid            the runtime created and started the container (pid = its init)
///   monitor → berth   'E' "code message"  create/start failed; code is docker's (125, 126, 127)
///   berth  → monitor  'A' (empty)        the engine recorded "running": the monitor may now run the exit
///                                       command (closing the socket means the same)
///   monitor → berth   '1'|'2' bytes      container stdout / stderr (only when attached)
///   monitor → berth   'X' code           the container exited with code (shell style: 128+N for signal N)
/// </code>
/// The ack keeps the exit command (which writes "exited" to the database) from running before the CLI wrote
/// "running", for containers that exit at once.
/// </summary>
internal static class MonitorFrame
{
    public const byte Started = (byte)'S';
    public const byte Error = (byte)'E';
    public const byte Ack = (byte)'A';
    public const byte Stdout = (byte)'1';
    public const byte Stderr = (byte)'2';
    public const byte Exit = (byte)'X';
    public const int HeaderSize = 5;
}
