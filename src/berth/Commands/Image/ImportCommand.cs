using Berth.Images.Archive;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>
/// `import [-c CHANGE]... [-m MESSAGE] [--platform os/arch[/variant]] FILE|- [REPOSITORY[:TAG]]` / `image import`:
/// a rootfs tarball (plain, gzip or zstd; "-" reads stdin) becomes a one-layer image; prints its ID.
/// </summary>
internal static class ImportCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "import", new HashSet<string>(), new HashSet<string> { "c", "change", "m", "message", "platform" });
        if (args.Positional.Count is 0 or > 2) throw new UsageException("\"berth import\" requires 1 or 2 arguments; usage: berth import [-c CHANGE] [-m MESSAGE] FILE|- [REPOSITORY[:TAG]]");
        string file = args.Positional[0];
        string? name = args.Positional.Count == 2 ? ImageReference.Parse(args.Positional[1]) is { Digest: null } r ? r.ToString() : throw new UsageException("import: the name cannot contain a digest") : null;
        var options = new ImportOptions
        {
            Name = name,
            Platform = args.Get("platform") is { } p ? Platform.Parse(p) : Platform.Host(),
            Message = args.Get("m", "message"),
            Changes = args.GetAll("c", "change").ToList(),
        };
        if (file == "-" && !Console.IsInputRedirected) throw new UsageException("import: \"-\" reads the tarball from stdin, which is a terminal");
        await using var input = file == "-" ? Console.OpenStandardInput() : LoadCommand.OpenInput(file);
        var image = await new ImageImporter(global.OpenStore()).ImportAsync(input, file == "-" ? "tarball on stdin" : $"tarball {file}", options, cancellationToken);
        Console.WriteLine(image.Id);
        return 0;
    }
}
