using Berth.Engine.Runtime;
using Berth.Engine.State;
using Berth.Images.Content;
using Berth.Storage.Layers;
using Berth.Storage.Snapshots;

namespace Berth.Engine.Containers;

/// <summary>
/// The daemonless engine behind `berth run/create/start/stop/kill/rm/ps/logs/inspect/wait`: every CLI process
/// opens the database, does its part and exits; a per-container berth-monitor keeps the container company
/// while it runs. One partial file per operation.
/// </summary>
public sealed partial class ContainerEngine : IDisposable
{
    private readonly EngineOptions _options;
    private ISnapshotter? _snapshotter;
    /// <summary>Snapshots this process mounted itself (by `create`), so `run`'s `start` need not look again.</summary>
    private readonly HashSet<string> _mountedHere = new(StringComparer.Ordinal);

    public ContainerEngine(EngineOptions options)
    {
        _options = options;
        Paths = options.Paths;
        Store = new ContainerStore(Paths.Database);
        Images = new ImageStore(Paths.DataRoot);
        Layers = Images.Layers;
        Images.LayersInUse = () => SnapshotLayers.InUse(Paths.StorageRoot);
        Images.ImageUsers = imageId => ImageUsers().GetValueOrDefault(imageId) ?? [];
    }

    public EnginePaths Paths { get; }
    public ContainerStore Store { get; }
    public ImageStore Images { get; }
    public LayerStore Layers { get; }

    /// <summary>The snapshot driver: as asked, else the one the first probe chose (remembered in ROOT/storage/driver).</summary>
    public ISnapshotter Snapshotter => _snapshotter ??= CreateSnapshotter();

    public IOciRuntime RuntimeFor(ContainerRecord c) => new OciRuntimeCli(c.RuntimePath, Paths.RuntimeRoot);

    public void Dispose()
    {
        Store.Dispose();
    }

    private ISnapshotter CreateSnapshotter()
    {
        string remembered = Path.Combine(Paths.StorageRoot, "driver");
        string? driver = _options.StorageDriver ?? (File.Exists(remembered) ? File.ReadAllText(remembered).Trim() : null);
        var snapshotter = SnapshotterFactory.Create(Layers, driver, out _);
        if (driver is null)
        {
            // write-then-rename: a berth starting at the same moment reads the whole name or no file, never an empty one
            string temp = $"{remembered}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, snapshotter.Driver + "\n");
            File.Move(temp, remembered, overwrite: true);
        }
        return snapshotter;
    }
}
