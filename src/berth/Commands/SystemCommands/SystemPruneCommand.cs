using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>
/// `system prune [-a] [-f] [--volumes]`: every container that is not running, every network no container is on
/// (`network prune`, which also takes the idle default network's bridge down), then dangling images (with -a every
/// image no container uses), asking first unless -f, as docker does; prints what went and "Total reclaimed space".
/// </summary>
internal static class SystemPruneCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "system prune", new HashSet<string> { "a", "all", "f", "force", "volumes" }, new HashSet<string> { "filter" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth system prune\" accepts no arguments");
        if (args.GetAll("filter").Any()) throw new UsageException("system prune: --filter is not supported yet");
        bool all = args.Has("a", "all");
        if (!args.Has("f", "force") && !Confirm.Ask(Warning(all, args.Has("volumes")), Console.In, Console.Out)) return 0;
        using var engine = EngineFactory.Open(global);
        var (containers, containerBytes) = engine.PruneContainers();
        var networks = engine.Networks.Prune();
        // docker 23+: --volumes removes the anonymous volumes no container uses (named ones need `volume prune -a`).
        var (volumes, volumeBytes) = args.Has("volumes") ? engine.Volumes.Prune(all: false, _ => true) : (new List<string>(), 0L);
        var images = await engine.PruneImagesAsync(all, cancellationToken);
        if (containers.Count > 0)
        {
            Console.WriteLine("Deleted Containers:");
            containers.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        if (networks.Count > 0)
        {
            Console.WriteLine("Deleted Networks:");
            networks.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        if (volumes.Count > 0)
        {
            Console.WriteLine("Deleted Volumes:");
            volumes.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        if (images.Untagged.Count + images.Deleted.Count > 0)
        {
            Console.WriteLine("Deleted Images:");
            foreach (string name in images.Untagged) Console.WriteLine($"untagged: {(ImageReference.TryParse(name, out var r) ? r!.FamiliarString : name)}");
            foreach (string id in images.Deleted) Console.WriteLine($"deleted: {id}");
            Console.WriteLine();
        }
        Console.WriteLine($"Total reclaimed space: {Units.HumanSize(containerBytes + volumeBytes + images.BytesFreed)}");
        return 0;
    }

    internal static string Warning(bool all, bool volumes)
    {
        var lines = new List<string> { "WARNING! This will remove:", "  - all stopped containers", "  - all networks not used by at least one container" };
        if (volumes) lines.Add("  - all anonymous volumes not used by at least one container");
        lines.Add(all ? "  - all images without at least one container associated to them" : "  - all dangling images");
        return string.Join('\n', lines);
    }
}
