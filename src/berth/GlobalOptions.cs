using Berth.Images.Content;
using Berth.Images.Distribution;

namespace Berth.Cli;

/// <summary>
/// Flags before the command: --root DIR (or $BERTH_ROOT; default /var/lib/berth), --insecure-registry HOST
/// (repeatable; also $BERTH_INSECURE_REGISTRIES), --debug (full exception on error).
/// </summary>
public sealed class GlobalOptions
{
    public string? Root { get; set; }
    public bool Debug { get; set; }
    public List<string> InsecureRegistries { get; } = [];

    public static readonly HashSet<string> Booleans = ["debug", "D", "help", "h", "version", "v"];
    public static readonly HashSet<string> Valued = ["root", "insecure-registry"];

    /// <summary>The image store; its garbage collection keeps the layers container snapshots use.</summary>
    public ImageStore OpenStore()
    {
        var store = new ImageStore(ImageStore.ResolveRoot(Root));
        store.LayersInUse = () => Berth.Storage.Snapshots.SnapshotLayers.InUse(store.Layers.Root);
        return store;
    }

    public AuthFileStore AuthFiles() => AuthFileStore.FromEnvironment();

    public RegistryClient CreateRegistryClient()
    {
        var auth = AuthFiles();
        return new RegistryClient(new RegistryOptions
        {
            InsecureRegistries = [.. InsecureRegistries, .. RegistryOptions.InsecureFromEnvironment()],
            Credentials = host => auth.Lookup(host),
        });
    }
}
