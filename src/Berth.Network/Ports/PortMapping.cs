namespace Berth.Network.Ports;

/// <summary>
/// One published port (or a run of <see cref="Range"/> ports): host <see cref="HostIp"/>:<see cref="HostPort"/>
/// forwards to the container's <see cref="ContainerPort"/>. HostIp "" = every address; HostPort 0 = pick a free
/// one at start. Protocol is tcp, udp or sctp.
/// </summary>
public sealed record PortMapping(string HostIp, int HostPort, int ContainerPort, string Protocol = "tcp", int Range = 1)
{
    /// <summary>Docker's `berth port` / ps notation of the host side: "0.0.0.0:8080".</summary>
    public string HostSide(int offset = 0) => $"{(HostIp.Length == 0 ? "0.0.0.0" : HostIp)}:{HostPort + offset}";

    /// <summary>Each port of the run as its own mapping.</summary>
    public IEnumerable<PortMapping> Expand() =>
        Enumerable.Range(0, Range).Select(i => this with { HostPort = HostPort == 0 ? 0 : HostPort + i, ContainerPort = ContainerPort + i, Range = 1 });
}
