using Berth.Engine.Interop;
using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>
/// One connection that speaks <see cref="MonitorFrame"/>: the control socket (fd 3) or a client of the attach
/// socket. Sends are blocking; once the peer is gone (EPIPE, reset) every send is dropped and the client counts
/// as closed: the container keeps running and logging.
/// </summary>
internal sealed unsafe class Client(int fd)
{
    private readonly byte[] _header = new byte[MonitorFrame.HeaderSize];

    public int Fd { get; private set; } = fd;

    public bool IsOpen => Fd >= 0;

    public void Send(byte type, ReadOnlySpan<byte> payload)
    {
        if (Fd < 0) return;
        MonitorFrame.WriteHeader(_header, type, payload.Length);
        if (!SendAll(_header) || !SendAll(payload)) Close();
    }

    public void Send(byte type, string payload) => Send(type, System.Text.Encoding.UTF8.GetBytes(payload));

    /// <summary>
    /// Reads one frame (called when poll says readable; a client writes whole frames); null when the peer
    /// closed, or sent a frame larger than <see cref="MonitorFrame.MaxPayload"/>.
    /// </summary>
    public (byte Type, byte[] Payload)? Receive()
    {
        if (Fd < 0 || !ReadExactly(_header)) return null;
        int length = BitConverter.ToInt32(_header, 1);
        if (length < 0 || length > MonitorFrame.MaxPayload) return null;
        byte[] payload = new byte[length];
        return ReadExactly(payload) ? (_header[0], payload) : null;
    }

    public void Close()
    {
        if (Fd >= 0) Spawn.close(Fd);
        Fd = -1;
    }

    private bool SendAll(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            for (int done = 0; done < data.Length;)
            {
                nint n = Spawn.send(Fd, p + done, data.Length - done, Spawn.MSG_NOSIGNAL);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) return false;
                done += (int)n;
            }
        }
        return true;
    }

    private bool ReadExactly(byte[] buffer)
    {
        fixed (byte* p = buffer)
        {
            for (int done = 0; done < buffer.Length;)
            {
                nint n = Spawn.read(Fd, p + done, buffer.Length - done);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) return false;
                done += (int)n;
            }
        }
        return true;
    }
}
