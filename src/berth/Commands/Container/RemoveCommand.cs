namespace Berth.Cli.Commands.Container;

/// <summary>`rm [-f] [-v] CONTAINER...`: removes stopped containers (running ones too with -f: SIGKILL first); -v also their anonymous volumes.</summary>
internal static class RemoveCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "rm", new HashSet<string> { "f", "force", "v", "volumes" }, new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth rm\" requires at least 1 argument; usage: berth rm [-f] CONTAINER...");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Remove(name, args.Has("f", "force"), removeVolumes: args.Has("v", "volumes"));
            Console.WriteLine(name);
        });
    }
}
