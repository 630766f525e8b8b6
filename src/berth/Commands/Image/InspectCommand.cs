using System.Globalization;
using System.Text.Json;
using Berth.Cli.Commands;
using Berth.Images.Content;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>`image inspect IMAGE...`: a JSON array, one object per image; unknown images fail the command after printing the rest.</summary>
internal static class InspectCommand
{
    /// <param name="fromInspect">called by the top-level `inspect` for names that are not containers (docker: "no such object")</param>
    internal static int Execute(GlobalOptions global, string[] argv, bool fromInspect = false)
    {
        var args = CommandArgs.Parse(argv, "image inspect", new HashSet<string>(), new HashSet<string> { "format", "f" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth image inspect\" requires at least 1 argument");
        var template = Output.InspectOutput.Template(args.Get("format", "f"));
        var store = global.OpenStore();
        var found = new List<ImageInspect>();
        var missing = new List<string>();
        foreach (string name in args.Positional)
        {
            var image = store.Find(name);
            if (image is null) missing.Add(name);
            else found.Add(Inspect(store, image));
        }
        Output.InspectOutput.Write(JsonSerializer.Serialize(found, CliJsonContext.Relaxed.ListImageInspect), template);
        if (missing.Count == 0) return 0;
        Console.Error.WriteLine($"berth: no such {(fromInspect ? "object" : "image")}: {string.Join(", ", missing)}");
        return 1;
    }

    internal static ImageInspect Inspect(ImageStore store, ImageRecord image)
    {
        var config = store.ReadConfig(image);
        return new ImageInspect
        {
            Id = image.Id,
            RepoTags = image.Names.Select(n => ImageReference.Parse(n).FamiliarString).ToList(),
            RepoDigests = image.RepoDigests.Select(d => ImageReference.TryParse(d, out var r) ? r!.FamiliarString : d).ToList(),
            Created = config.Created?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            Author = config.Author ?? "",
            Config = config.Config,
            Architecture = config.Architecture,
            Variant = config.Variant,
            Os = config.Os,
            Size = image.Size,
            RootFS = new InspectRootFs { Type = config.RootFs?.Type ?? "layers", Layers = config.RootFs?.DiffIds ?? [] },
            Descriptor = new InspectDescriptor { MediaType = image.ManifestMediaType, Digest = image.ManifestDigest, Size = store.Content.SizeOf(Digest.Parse(image.ManifestDigest)) },
        };
    }
}
