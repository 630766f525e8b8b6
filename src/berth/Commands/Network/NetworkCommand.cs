using System.Text.Json;
using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Engine.Containers;
using Berth.Engine.Networks;
using Berth.Network;

namespace Berth.Cli.Commands.Network;

/// <summary>
/// `network create|ls|inspect|rm|prune|connect|disconnect` (docker's flags and output). Errors exit 1, one line each;
/// commands naming several networks go on after an error, as docker's do.
/// </summary>
internal static class NetworkCommand
{
    internal static int Execute(GlobalOptions global, string[] args)
    {
        if (args.Length == 0) throw new UsageException("\"berth network\" needs a subcommand: create, ls, inspect, rm, prune, connect, disconnect");
        string[] rest = args[1..];
        return args[0] switch
        {
            "create" => Create(global, rest),
            "ls" or "list" => List(global, rest),
            "inspect" => Inspect(global, rest),
            "rm" or "remove" => Remove(global, rest),
            "prune" => Prune(global, rest),
            "connect" => Connect(global, rest),
            "disconnect" => Disconnect(global, rest),
            _ => throw new UsageException($"unknown command \"network {args[0]}\" (see 'berth --help')"),
        };
    }

    private static int Create(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network create", new HashSet<string> { "internal" }, new HashSet<string> { "subnet", "gateway", "d", "driver", "o", "opt", "interface-name" });
        args.RequirePositional(1, "network create", "[--subnet CIDR] [--gateway IP] [--internal] [-d bridge] [-o com.docker.network.bridge.name=IF] NAME");
        string? bridge = args.Get("interface-name");
        foreach (string opt in args.GetAll("o", "opt"))
        {
            const string BridgeName = "com.docker.network.bridge.name=";
            if (!opt.StartsWith(BridgeName, StringComparison.Ordinal)) throw new UsageException($"network create: driver option \"{opt}\" is not supported (berth knows {BridgeName}IF)");
            bridge = opt[BridgeName.Length..];
        }
        using var engine = EngineFactory.Open(global);
        var network = engine.Networks.Create(args.Positional[0], args.Get("subnet"), args.Get("gateway"), args.Has("internal"), args.Get("d", "driver"), bridge);
        Console.WriteLine(network.Id);
        return 0;
    }

    private static int List(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network ls", new HashSet<string> { "q", "quiet", "no-trunc" }, new HashSet<string>());
        using var engine = EngineFactory.Open(global);
        engine.Networks.EnsureDefault();
        var networks = engine.Networks.List();
        bool noTrunc = args.Has("no-trunc");
        string Id(NetworkDefinition n) => noTrunc ? n.Id : n.Id[..12];
        if (args.Has("q", "quiet")) networks.ForEach(n => Console.WriteLine(Id(n)));
        else Table.Print(["NETWORK ID", "NAME", "DRIVER", "SCOPE"], networks.Select(n => new[] { Id(n), n.Name, n.Driver, "local" }).ToList());
        return 0;
    }

    private static int Inspect(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network inspect", new HashSet<string>(), new HashSet<string> { "f", "format" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth network inspect\" requires at least 1 argument");
        var template = Output.InspectOutput.Template(args.Get("f", "format"));
        using var engine = EngineFactory.Open(global);
        var found = new List<NetworkInspect>();
        int status = ContainerLoop.ForEach(args.Positional, name => found.Add(engine.Networks.Inspect(engine.Networks.Get(name), id => NameOf(engine, id))));
        Output.InspectOutput.Write(JsonSerializer.Serialize(found, NetworkJsonContext.Default.ListNetworkInspect), template);
        return status;
    }

    private static int Remove(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network rm", new HashSet<string> { "f", "force" }, new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth network rm\" requires at least 1 argument");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Networks.Remove(name, id => NameOf(engine, id));
            Console.WriteLine(name);
        });
    }

    private static int Prune(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network prune", new HashSet<string> { "f", "force" }, new HashSet<string>());
        if (args.Positional.Count > 0) throw new UsageException("\"berth network prune\" takes no arguments");
        using var engine = EngineFactory.Open(global);
        var removed = engine.Networks.Prune();
        if (removed.Count > 0)
        {
            Console.WriteLine("Deleted Networks:");
            removed.ForEach(Console.WriteLine);
        }
        return 0;
    }

    private static int Connect(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network connect", new HashSet<string>(), new HashSet<string> { "alias", "ip" });
        args.RequirePositional(2, "network connect", "[--alias NAME] [--ip IP] NETWORK CONTAINER");
        using var engine = EngineFactory.Open(global);
        engine.Connect(args.Positional[1], args.Positional[0], args.GetAll("alias").ToList(), args.Get("ip"));
        return 0;
    }

    private static int Disconnect(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "network disconnect", new HashSet<string> { "f", "force" }, new HashSet<string>());
        args.RequirePositional(2, "network disconnect", "[-f] NETWORK CONTAINER");
        using var engine = EngineFactory.Open(global);
        engine.Disconnect(args.Positional[1], args.Positional[0]);
        return 0;
    }

    private static string NameOf(ContainerEngine engine, string id) => engine.Store.Find(id)?.Name ?? id[..12];
}
