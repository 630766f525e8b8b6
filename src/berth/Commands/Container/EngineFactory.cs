using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Images.Content;
using Berth.Images.Manifest;
using Berth.Images.Pull;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Container;

/// <summary>Opens the engine for one CLI command: data root from --root/$BERTH_ROOT, pulls missing images (quietly, a line to stderr).</summary>
internal static class EngineFactory
{
    internal static ContainerEngine Open(GlobalOptions global) => new(new EngineOptions
    {
        Paths = new EnginePaths(ImageStore.ResolveRoot(global.Root)),
        SelfCommand = SelfCommand(),
        Pull = (image, cancellationToken) => PullAsync(global, image, cancellationToken),
        StorageDriver = Environment.GetEnvironmentVariable("BERTH_STORAGE_DRIVER") is { Length: > 0 } d ? d : null,
    });

    /// <summary>How to run this berth again: the AOT binary itself, or `dotnet berth.dll` under the JIT.</summary>
    internal static IReadOnlyList<string> SelfCommand()
    {
        string process = Environment.ProcessPath ?? "berth";
        return Path.GetFileName(process) == "dotnet" ? [process, Path.Combine(AppContext.BaseDirectory, "berth.dll")] : [process];
    }

    private static async Task<ImageRecord> PullAsync(GlobalOptions global, string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        Console.Error.WriteLine($"Unable to find image '{reference.FamiliarString}' locally");
        using var client = global.CreateRegistryClient();
        var result = await new ImagePuller(client, global.OpenStore()).PullAsync(reference, Platform.Host(), null, cancellationToken);
        Console.Error.WriteLine($"Status: Downloaded newer image for {reference.FamiliarString}");
        return result.Image;
    }
}
