using Berth.Cli.Output;
using Berth.Images.Content;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>`rmi [-f] IMAGE...` / `image rm`: each argument in turn; the exit code is 1 if any failed.</summary>
internal static class RemoveCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "rmi", new HashSet<string> { "f", "force", "no-prune" }, new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth rmi\" requires at least 1 argument; usage: berth rmi [-f] IMAGE...");
        using var engine = Container.EngineIfPresent.Open(global);
        var store = engine?.Images ?? global.OpenStore();
        int status = 0;
        foreach (string image in args.Positional)
        {
            try
            {
                Print(await store.RemoveAsync(image, args.Has("f", "force"), cancellationToken));
            }
            catch (ImageStoreException e)
            {
                Console.Error.WriteLine($"berth: {e.Message}");
                status = 1;
            }
        }
        return status;
    }

    internal static void Print(RemovalReport report)
    {
        foreach (string name in report.Untagged) Console.WriteLine($"Untagged: {(ImageReference.TryParse(name, out var r) ? r!.FamiliarString : name)}");
        foreach (string id in report.Deleted) Console.WriteLine($"Deleted: {id}");
    }

    internal static string Freed(RemovalReport report) => $"Total reclaimed space: {Units.HumanSize(report.BytesFreed)}";
}
