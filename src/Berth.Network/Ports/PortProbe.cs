using System.Net;
using System.Net.Sockets;

namespace Berth.Network.Ports;

/// <summary>
/// Host ports checked by binding them for a moment: the forwarding is iptables DNAT, which would silently win
/// over (or lose to) a program already listening, so a port in use is refused up front, with docker's words.
/// A free port for `-p CPORT` is one the kernel hands out for port 0.
/// </summary>
public static class PortProbe
{
    public static bool IsFree(string hostIp, int port, string protocol)
    {
        try
        {
            using var socket = Open(protocol);
            socket.Bind(new IPEndPoint(Address(hostIp), port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port the kernel considers free now, not in <paramref name="reserved"/> (other containers' mappings).</summary>
    public static int PickFree(string hostIp, string protocol, IReadOnlySet<int> reserved)
    {
        for (int attempt = 0; attempt < 64; attempt++)
        {
            using var socket = Open(protocol);
            socket.Bind(new IPEndPoint(Address(hostIp), 0));
            int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            if (!reserved.Contains(port)) return port;
        }
        throw new NetworkException($"no free host port for {protocol} on {(hostIp.Length == 0 ? "0.0.0.0" : hostIp)}: give one with -p HOSTPORT:CONTAINERPORT");
    }

    private static Socket Open(string protocol) => protocol == "udp"
        ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    private static IPAddress Address(string hostIp) => hostIp.Length == 0 ? IPAddress.Any : IPAddress.Parse(hostIp);
}
