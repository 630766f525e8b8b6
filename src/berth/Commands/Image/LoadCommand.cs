using Berth.Images.Archive;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>
/// `load [-i FILE] [-q] [--platform os/arch[/variant]]` / `image load`: a docker-archive or oci-archive (detected),
/// from FILE or stdin; prints "Loaded image: NAME" per name, or "Loaded image ID: ID" for an image without one.
/// </summary>
internal static class LoadCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "load", new HashSet<string> { "q", "quiet" }, new HashSet<string> { "i", "input", "platform" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth load\" takes no arguments; usage: berth load [-i FILE] [-q]");
        string? input = args.Get("i", "input");
        if (input is null && !Console.IsInputRedirected) throw new UsageException("load: no archive: use -i FILE or redirect stdin");
        var platform = args.Get("platform") is { } p ? Platform.Parse(p) : Platform.Host();
        await using var stream = input is null ? Console.OpenStandardInput() : OpenInput(input);
        var result = await new ImageLoader(global.OpenStore()).LoadAsync(stream, input is null ? "archive on stdin" : $"archive {input}", platform, cancellationToken);
        if (args.Has("q", "quiet")) return 0;
        foreach (var loaded in result.Images)
        {
            if (loaded.Names.Count == 0) Console.WriteLine($"Loaded image ID: {loaded.Image.Id}");
            foreach (string name in loaded.Names) Console.WriteLine($"Loaded image: {ImageReference.Parse(name).FamiliarString}");
        }
        return 0;
    }

    internal static Stream OpenInput(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"open {path}: no such file");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
    }
}
