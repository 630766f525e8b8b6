namespace Berth.Cli.Commands.Image;

/// <summary>`image prune [-a] [-f]`: dangling images (all unused ones with -a; never one a container uses), then unreferenced blobs.</summary>
internal static class PruneCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "image prune", new HashSet<string> { "a", "all", "f", "force" }, new HashSet<string>());
        if (args.Positional.Count > 0) throw new UsageException("\"berth image prune\" takes no arguments");
        using var engine = Container.EngineIfPresent.Open(global);
        var report = engine is null ? await global.OpenStore().PruneAsync(args.Has("a", "all"), inUse: null, cancellationToken)
            : await engine.PruneImagesAsync(args.Has("a", "all"), cancellationToken);
        if (report.Untagged.Count + report.Deleted.Count > 0) Console.WriteLine("Deleted Images:");
        RemoveCommand.Print(report);
        Console.WriteLine();
        Console.WriteLine(RemoveCommand.Freed(report));
        return 0;
    }
}
