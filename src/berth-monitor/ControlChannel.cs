using System.Buffers.Binary;
using System.Text;
using Berth.Engine.Interop;
using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>
/// The monitor's end of the control socket (fd 3): sends frames (see MonitorFrame), waits for the engine's ack.
/// Once the engine end is gone (EPIPE) every send is dropped: the container keeps running and logging.
/// </summary>
internal sealed unsafe class ControlChannel(int fd)
{
    private int _fd = fd;
    private readonly byte[] _header = new byte[MonitorFrame.HeaderSize];

    public bool IsOpen => _fd >= 0;

    public void Send(byte type, ReadOnlySpan<byte> payload)
    {
        if (_fd < 0) return;
        _header[0] = type;
        BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(1), payload.Length);
        if (!SendAll(_header) || !SendAll(payload)) Close();
    }

    public void Send(byte type, string payload) => Send(type, Encoding.UTF8.GetBytes(payload));

    /// <summary>Blocks until the engine sends anything (its ack) or closes its end.</summary>
    public void WaitForAck()
    {
        if (_fd < 0) return;
        byte* buffer = stackalloc byte[MonitorFrame.HeaderSize];
        while (Spawn.read(_fd, buffer, MonitorFrame.HeaderSize) < 0 && Spawn.LastErrno == Spawn.EINTR) { }
    }

    public void Close()
    {
        if (_fd >= 0) Spawn.close(_fd);
        _fd = -1;
    }

    private bool SendAll(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            for (int done = 0; done < data.Length;)
            {
                nint n = Spawn.send(_fd, p + done, data.Length - done, Spawn.MSG_NOSIGNAL);
                if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (n <= 0) return false;
                done += (int)n;
            }
        }
        return true;
    }
}
