using Berth.Storage.Copy;

namespace Berth.Engine.Volumes;

/// <summary>
/// `berth volume create/ls/inspect/rm/prune` and the volumes containers use: local volumes, data in
/// ROOT/volumes/NAME/_data (docker's layout), rows in <see cref="VolumeStore"/>. A volume's directory is made and
/// removed inside the same transaction as its row.
/// </summary>
public sealed class VolumeManager
{
    private readonly string _root;

    internal VolumeManager(EnginePaths paths, VolumeStore store)
    {
        _root = Path.Combine(paths.DataRoot, "volumes");
        Store = store;
    }

    public VolumeStore Store { get; }

    public string DataPath(string name) => Path.Combine(_root, name, "_data");

    /// <summary>
    /// `volume create [NAME]`: a new volume (random name when none), or the existing one with that name when
    /// its driver matches (docker's create is idempotent).
    /// </summary>
    public VolumeRecord Create(string? name, string? driver, Dictionary<string, string> labels, Dictionary<string, string> options)
    {
        if (name is not null) VolumeName.Check(name);
        if (driver is not null && driver != "local") throw new EngineException($"error looking up volume plugin {driver}: plugin \"{driver}\" not found: only the local driver is available");
        LocalDriverOptions.Check(options);
        return Store.InTransaction(() =>
        {
            if (name is not null && Store.Find(name) is { } existing) return existing;
            return Add(name ?? VolumeName.NewAnonymous(), labels, options, anonymous: false);
        });
    }

    /// <summary>
    /// A container's use of a volume: creates it when missing (anonymous when <paramref name="name"/> is null),
    /// records the use; returns the volume and whether it was just created.
    /// </summary>
    public (VolumeRecord Volume, bool Created) Use(string? name, string containerId, Dictionary<string, string>? labels = null, Dictionary<string, string>? options = null)
    {
        LocalDriverOptions.Check(options ?? []);
        return Store.InTransaction(() =>
        {
            var existing = name is null ? null : Store.Find(name);
            var volume = existing ?? Add(name ?? VolumeName.NewAnonymous(), labels ?? [], options ?? [], anonymous: name is null);
            Store.AddUser(volume.Name, containerId);
            return (volume, existing is null);
        });
    }

    /// <summary>Fills an empty volume from the image (docker's copy-up of the content at the mount path).</summary>
    public bool CopyUp(string name, string rootfs, string destination) => RootedTree.CopyUp(rootfs, destination, DataPath(name));

    public IReadOnlyList<VolumeRecord> List() => Store.List();

    public VolumeRecord Get(string name) => Store.Find(name) ?? throw new VolumeNotFoundException(name);

    /// <summary>Containers using the volume.</summary>
    public List<string> Users(string name) => Store.Users(name);

    /// <summary>`volume rm [-f]`: refused while a container uses it (even with -f, as docker); -f ignores a missing volume.</summary>
    public void Remove(string name, bool force)
    {
        Store.InTransaction(() =>
        {
            if (Store.Find(name) is null)
            {
                return force ? 0 : throw new VolumeNotFoundException(name);
            }
            var users = Store.Users(name);
            if (users.Count > 0) throw new EngineException($"remove {name}: volume is in use - [{string.Join(", ", users)}]", 1);
            Delete(name);
            return 0;
        });
    }

    /// <summary>Removes the volume when it exists and no container uses it (a failed create taking back what it made).</summary>
    public void RemoveIfUnused(string name)
    {
        Store.InTransaction(() =>
        {
            if (Store.Find(name) is not null && Store.Users(name).Count == 0) Delete(name);
            return 0;
        });
    }

    /// <summary>
    /// Every volume with the containers using it and the bytes its data takes (<see cref="DirectorySize"/>), for
    /// `system df`'s volume rows (docker's LINKS and SIZE; RECLAIMABLE = the sizes of the volumes with no links).
    /// </summary>
    public IReadOnlyList<VolumeUsage> Usage() =>
        List().Select(v => new VolumeUsage(v, DataPath(v.Name), Store.Users(v.Name), DirectorySize(DataPath(v.Name)))).ToList();

    /// <summary>
    /// A container is going away: forget its uses and, when asked (`rm -v`, `--rm`), remove its anonymous
    /// volumes that no other container uses. Named volumes always stay.
    /// </summary>
    public void Release(string containerId, bool removeAnonymous)
    {
        Store.InTransaction(() =>
        {
            foreach (string name in Store.RemoveUser(containerId))
            {
                if (removeAnonymous && Store.Find(name) is { Anonymous: true } && Store.Users(name).Count == 0) Delete(name);
            }
            return 0;
        });
    }

    /// <summary>
    /// `volume prune`: docker 23+'s behaviour: unused anonymous volumes only, every unused volume with
    /// <paramref name="all"/>; then the label filters. Returns the names removed and the bytes freed.
    /// </summary>
    public (List<string> Removed, long Freed) Prune(bool all, Func<VolumeRecord, bool> filter)
    {
        var removed = new List<string>();
        long freed = 0;
        foreach (var volume in List().Where(v => (all || v.Anonymous) && filter(v)))
        {
            Store.InTransaction(() =>
            {
                if (Store.Find(volume.Name) is null || Store.Users(volume.Name).Count > 0) return 0;
                freed += DirectorySize(DataPath(volume.Name));
                Delete(volume.Name);
                removed.Add(volume.Name);
                return 0;
            });
        }
        return (removed, freed);
    }

    /// <summary>
    /// The sizes of the regular files below <paramref name="path"/> (hidden ones included). Symlinks are skipped,
    /// never followed (.NET's recursion follows symlinked directories unless told to skip ReparsePoint, which
    /// is how it marks symlinks on Unix), so a link to "/" in a volume cannot make it count the host. A file with
    /// several hard links counts once per link.
    /// </summary>
    public static long DirectorySize(string path)
    {
        if (!Directory.Exists(path)) return 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return new DirectoryInfo(path).EnumerateFiles("*", options).Sum(f => f.Length);
    }

    private VolumeRecord Add(string name, Dictionary<string, string> labels, Dictionary<string, string> options, bool anonymous)
    {
        var volume = new VolumeRecord { Name = name, CreatedAt = DateTimeOffset.UtcNow, Labels = labels, Options = options, Anonymous = anonymous };
        Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(_root, name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(DataPath(name), (UnixFileMode)0x1ED);
        Store.Insert(volume);
        return volume;
    }

    /// <summary>The row, then the directory: renamed away first (inside the transaction), then removed.</summary>
    private void Delete(string name)
    {
        string dir = Path.Combine(_root, name);
        Store.Delete(name);
        if (!Directory.Exists(dir)) return;
        string trash = Path.Combine(_root, ".removing-" + VolumeName.NewAnonymous()[..16]);
        Directory.Move(dir, trash);
        RootedTree.Remove(trash);
    }
}

/// <summary>No volume by that name: docker's message, exit code 1.</summary>
public sealed class VolumeNotFoundException(string name) : EngineException($"no such volume: {name}", 1);
