using Berth.Engine.Containers;

namespace Berth.Cli.Commands.Container;

/// <summary>`port CONTAINER [PRIVATE_PORT[/PROTO]]`: docker's "80/tcp -> 0.0.0.0:8080" lines (only the host side with a port given).</summary>
internal static class PortCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "port", new HashSet<string>(), new HashSet<string>());
        if (args.Positional.Count is < 1 or > 2) throw new UsageException("\"berth port\" requires 1 or 2 arguments; usage: berth port CONTAINER [PRIVATE_PORT[/PROTO]]");
        using var engine = EngineFactory.Open(global);
        var c = engine.Get(args.Positional[0]);
        var ports = engine.Networks.PublishedPorts(c.Id).SelectMany(p => p.Expand()).ToList();
        if (args.Positional.Count == 1)
        {
            foreach (var p in ports) Console.WriteLine($"{p.ContainerPort}/{p.Protocol} -> {p.HostSide()}");
            return 0;
        }
        string[] wanted = args.Positional[1].Split('/');
        string protocol = wanted.Length > 1 ? wanted[1] : "tcp";
        var matching = ports.Where(p => p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == wanted[0] && p.Protocol == protocol).ToList();
        if (matching.Count == 0) throw new UsageException($"no public port '{wanted[0]}/{protocol}' published for {c.Name}");
        matching.ForEach(p => Console.WriteLine(p.HostSide()));
        return 0;
    }

    /// <summary>ps's PORTS column: "0.0.0.0:8080->80/tcp, 0.0.0.0:5353->53/udp".</summary>
    internal static string Column(ContainerEngine engine, string id) =>
        string.Join(", ", engine.Networks.PublishedPorts(id).Select(p => p.Range == 1
            ? $"{p.HostSide()}->{p.ContainerPort}/{p.Protocol}"
            : $"{p.HostSide()}-{p.HostPort + p.Range - 1}->{p.ContainerPort}-{p.ContainerPort + p.Range - 1}/{p.Protocol}"));
}
