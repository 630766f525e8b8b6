using Berth.Images.Content;

namespace Berth.Engine.Containers;

/// <summary>How the CLI sets up a <see cref="ContainerEngine"/>.</summary>
public sealed class EngineOptions
{
    public required EnginePaths Paths { get; init; }

    /// <summary>How to run berth itself (the monitor's exit command runs <c>SELF container cleanup ID</c>).</summary>
    public required IReadOnlyList<string> SelfCommand { get; init; }

    /// <summary>Pulls an image that is not present (the CLI prints progress); null = missing images are an error.</summary>
    public Func<string, CancellationToken, Task<ImageRecord>>? Pull { get; init; }

    /// <summary>The monitor binary; null = $BERTH_MONITOR, else berth-monitor next to berth or in PATH.</summary>
    public string? MonitorPath { get; init; }

    /// <summary>Snapshot driver: "overlay", "vfs" or null (overlay when it works).</summary>
    public string? StorageDriver { get; init; }
}
