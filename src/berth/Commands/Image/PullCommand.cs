using Berth.Cli.Output;
using Berth.Images.Manifest;
using Berth.Images.Pull;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>`pull [-q] [--platform os/arch[/variant]] NAME[:TAG|@DIGEST]`: prints what docker prints.</summary>
internal static class PullCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "pull", new HashSet<string> { "q", "quiet", "a", "all-tags" }, new HashSet<string> { "platform" });
        args.RequirePositional(1, "pull", "[-q] [--platform os/arch[/variant]] NAME[:TAG|@DIGEST]");
        if (args.Has("a", "all-tags")) throw new UsageException("pull: --all-tags is not supported");
        var reference = ImageReference.Parse(args.Positional[0]);
        var platform = args.Get("platform") is { } p ? Platform.Parse(p) : Platform.Host();
        bool quiet = args.Has("q", "quiet");
        if (!quiet) Console.WriteLine(reference.Tag is null ? $"{reference.FamiliarName}@{reference.Digest}: Pulling from {reference.FamiliarName}" : $"{reference.Tag}: Pulling from {reference.FamiliarName}");
        var printer = quiet ? null : new PullProgressPrinter(terminal: !Console.IsOutputRedirected);
        using var client = global.CreateRegistryClient();
        var result = await new ImagePuller(client, global.OpenStore()).PullAsync(reference, platform, printer, cancellationToken);
        printer?.Finish();
        if (!quiet)
        {
            Console.WriteLine($"Digest: {result.Digest}");
            Console.WriteLine(result.UpToDate ? $"Status: Image is up to date for {reference.FamiliarString}" : $"Status: Downloaded newer image for {reference.FamiliarString}");
        }
        Console.WriteLine(reference.ToString());
        return 0;
    }
}
