using Berth.Cli.Commands.Container;

namespace Berth.Cli.Commands.Volume;

/// <summary>`volume rm [-f] VOLUME...`: refused while a container uses the volume; -f ignores missing ones.</summary>
internal static class RemoveCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "volume rm", new HashSet<string> { "f", "force" }, new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth volume rm\" requires at least 1 argument; usage: berth volume rm [-f] VOLUME...");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Volumes.Remove(name, args.Has("f", "force"));
            Console.WriteLine(name);
        });
    }
}
