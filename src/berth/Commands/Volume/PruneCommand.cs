using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Engine.Volumes;

namespace Berth.Cli.Commands.Volume;

/// <summary>
/// `volume prune [-a] [-f] [--filter label=K[=V]|label!=K[=V]]`: docker 23+'s behaviour: unused anonymous volumes,
/// every unused volume with -a. Berth does not ask for confirmation (there is no prompt without a terminal);
/// -f is accepted for docker's scripts.
/// </summary>
internal static class PruneCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "volume prune", new HashSet<string> { "a", "all", "f", "force" }, new HashSet<string> { "filter" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth volume prune\" takes no arguments");
        var filters = args.GetAll("filter").ToList();
        bool all = args.Has("a", "all") || filters.Contains("all=true") || filters.Contains("all=1");
        filters.RemoveAll(f => f.StartsWith("all=", StringComparison.Ordinal));
        foreach (string f in filters.Where(f => !f.StartsWith("label=", StringComparison.Ordinal) && !f.StartsWith("label!=", StringComparison.Ordinal)))
        {
            throw new UsageException($"volume prune: invalid filter \"{f}\" (use label=K[=V], label!=K[=V] or all=true)");
        }
        using var engine = EngineFactory.Open(global);
        var (removed, freed) = engine.Volumes.Prune(all, v => filters.All(f => Matches(v, f)));
        if (removed.Count > 0) Console.WriteLine("Deleted Volumes:");
        foreach (string name in removed) Console.WriteLine(name);
        if (removed.Count > 0) Console.WriteLine();
        Console.WriteLine($"Total reclaimed space: {Units.HumanSize(freed)}");
        return 0;
    }

    private static bool Matches(VolumeRecord v, string filter) => filter.StartsWith("label!=", StringComparison.Ordinal)
        ? !Image.ListCommand.HasLabel(v.Labels, filter["label!=".Length..])
        : Image.ListCommand.HasLabel(v.Labels, filter["label=".Length..]);
}
