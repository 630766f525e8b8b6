using Berth.Cli.Commands.SystemCommands;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Container;

/// <summary>`container prune [-f]`: every container that is not running, after docker's question unless -f.</summary>
internal static class ContainerPruneCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "container prune", new HashSet<string> { "f", "force" }, new HashSet<string>());
        if (args.Positional.Count > 0) throw new UsageException("\"berth container prune\" accepts no arguments");
        if (!args.Has("f", "force") && !Confirm.Ask("WARNING! This will remove all stopped containers.", Console.In, Console.Out)) return 0;
        using var engine = EngineFactory.Open(global);
        var (removed, bytes) = engine.PruneContainers();
        if (removed.Count > 0)
        {
            Console.WriteLine("Deleted Containers:");
            removed.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        Console.WriteLine($"Total reclaimed space: {Units.HumanSize(bytes)}");
        return 0;
    }
}
