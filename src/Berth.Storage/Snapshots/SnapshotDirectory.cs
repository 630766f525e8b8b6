namespace Berth.Storage.Snapshots;

/// <summary>
/// Where a snapshot lives: ROOT/containers/KEY/, with the layer list it was prepared from in "layers" (one diff ID
/// a line, bottom first) so a later process can mount it again.
/// </summary>
internal sealed class SnapshotDirectory
{
    public SnapshotDirectory(string storageRoot, string key)
    {
        SnapshotKey.Validate(key);
        Key = key;
        Path = System.IO.Path.Combine(storageRoot, "containers", key);
    }

    public string Key { get; }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public bool Exists => File.Exists(Combine("layers"));

    public void WriteLayers(IReadOnlyList<string> diffIds) =>
        File.WriteAllLines(Combine("layers"), diffIds);

    public IReadOnlyList<string> ReadLayers()
    {
        if (!Exists)
        {
            throw new StorageException($"snapshot {Key} does not exist (no {Combine("layers")}): prepare it first");
        }
        return File.ReadAllLines(Combine("layers")).Where(l => l.Length > 0).ToList();
    }
}
