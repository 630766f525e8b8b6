namespace Berth.Storage.Snapshots;

/// <summary>
/// Which unpacked layers the container snapshots under a storage root use (each snapshot's "layers" file, written
/// at prepare by either driver): garbage collection of layers must keep them even when no image names them.
/// </summary>
public static class SnapshotLayers
{
    public static IReadOnlySet<string> InUse(string storageRoot)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string containers = Path.Combine(storageRoot, "containers");
        if (!Directory.Exists(containers)) return used;
        foreach (string dir in Directory.EnumerateDirectories(containers))
        {
            string file = Path.Combine(dir, "layers");
            if (File.Exists(file)) used.UnionWith(File.ReadAllLines(file).Where(l => l.Length > 0));
        }
        return used;
    }
}
