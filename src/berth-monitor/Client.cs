using Berth.Engine.Interop;
using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>
/// One connection that speaks <see cref="MonitorFrame"/>: the control socket (fd 3) or a client of the attach
/// socket. Sends are blocking; once the peer is gone (EPIPE, reset) every send is dropped and the client counts
/// as closed: the container keeps running and logging.
/// </summary>
internal sealed class Client(int fd)
{
    public int Fd { get; private set; } = fd;

    public bool IsOpen => Fd >= 0;

    public void Send(byte type, ReadOnlySpan<byte> payload)
    {
        if (Fd >= 0 && !MonitorFrame.Send(Fd, type, payload)) Close();
    }

    public void Send(byte type, string payload) => Send(type, System.Text.Encoding.UTF8.GetBytes(payload));

    /// <summary>
    /// Reads one frame (called when poll says readable; a client writes whole frames); null when the peer
    /// closed, or sent a frame larger than <see cref="MonitorFrame.MaxPayload"/>.
    /// </summary>
    public (byte Type, byte[] Payload)? Receive() => Fd < 0 ? null : MonitorFrame.Read(Fd);

    public void Close()
    {
        if (Fd >= 0) Spawn.close(Fd);
        Fd = -1;
    }
}
