using Berth.Engine.Specs;
using Berth.Engine.Volumes;
using ImageContainerConfig = Berth.Images.Manifest.ContainerConfig;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    private VolumeManager? _volumes;

    /// <summary>Local volumes (ROOT/volumes, their rows in the engine database).</summary>
    public VolumeManager Volumes => _volumes ??= new VolumeManager(Paths, new VolumeStore(Store.Connection));

    /// <summary>
    /// -v, --mount and --tmpfs parsed and checked before anything is written (pure, but for --mount's bind source
    /// check, which docker makes too): docker's messages; two mounts on one path are refused.
    /// </summary>
    internal static List<MountRequest> ParseMounts(CreateOptions o)
    {
        var requests = o.Binds.Select(MountRequest.ParseVolumeFlag).Concat(o.Mounts.Select(MountRequest.ParseMountFlag)).ToList();
        var seen = new HashSet<string>(o.Tmpfs.Select(t => MountRequest.Clean(SpecBuilder.Tmpfs(t).Destination)), StringComparer.Ordinal);
        foreach (var r in requests)
        {
            if (!seen.Add(r.Target)) throw new InvalidOptionException($"Duplicate mount point: {r.Target}");
            if (r.Type == "bind" && !r.CreateHostPath && !Path.Exists(r.Source))
            {
                throw new InvalidOptionException($"invalid mount config for type \"bind\": bind source path does not exist: {r.Source}");
            }
        }
        return requests;
    }

    /// <summary>--volumes-from's "CONTAINER[:ro|:rw]": the container, and whether its mounts become read-only.</summary>
    internal static (string Container, bool ReadOnly) ParseVolumesFrom(string spec)
    {
        int colon = spec.IndexOf(':');
        if (colon < 0) return (spec, false);
        string mode = spec[(colon + 1)..];
        if (colon == 0 || mode is not ("ro" or "rw")) throw new InvalidOptionException($"invalid mode: {mode} (--volumes-from {spec}: CONTAINER, CONTAINER:ro or CONTAINER:rw)");
        return (spec[..colon], mode == "ro");
    }

    /// <summary>
    /// The bind and volume mounts of each --volumes-from container, as docker copies them: same source and
    /// path, read-only when the source's is or with ":ro" (tmpfs mounts are the source's own). Looked up
    /// before the create makes anything: an unknown container is "no such container".
    /// </summary>
    private List<MountPoint> InheritedMounts(CreateOptions o)
    {
        var inherited = new List<MountPoint>();
        foreach (string spec in o.VolumesFrom)
        {
            var (name, readOnly) = ParseVolumesFrom(spec);
            var source = Store.Find(name) ?? throw new ContainerNotFoundException(name);
            foreach (var m in ConfigOf(source).Mounts.Where(m => m.Type is "bind" or "volume"))
            {
                inherited.Add(new MountPoint
                {
                    Type = m.Type, Name = m.Name, Source = m.Source, Destination = m.Destination, ReadOnly = m.ReadOnly || readOnly,
                    Mode = m.Mode, Propagation = m.Propagation, Anonymous = m.Anonymous,
                });
            }
        }
        return inherited;
    }

    /// <summary>What a create made for its mounts, so that a failed create can take it back.</summary>
    private sealed class MadeForMounts
    {
        /// <summary>Named volumes this create made (anonymous ones go with <see cref="VolumeManager.Release"/>).</summary>
        public List<string> Volumes { get; } = [];
        /// <summary>Host directories -v made, deepest first.</summary>
        public List<string> HostDirectories { get; } = [];
    }

    /// <summary>
    /// Turns the requests into mounts: -v host directories made when missing (docker does), named volumes made
    /// when missing, the --volumes-from mounts on paths no flag of this container takes (their volumes' use
    /// recorded for it too), anonymous volumes for `-v /path` and for each image VOLUME nothing else covers, and
    /// every new or still empty volume filled from the image's content at its path (unless nocopy). Each use is
    /// recorded for the container and each thing made in <paramref name="made"/>, so <see cref="UndoMounts"/>
    /// can take them back when the create fails later.
    /// </summary>
    private List<MountPoint> ResolveMounts(string id, CreateOptions o, List<MountPoint> inherited, ImageContainerConfig? image, string rootfs, MadeForMounts made)
    {
        var requests = ParseMounts(o);
        var covered = requests.Select(r => r.Target).Concat(o.Tmpfs.Select(t => MountRequest.Clean(SpecBuilder.Tmpfs(t).Destination))).ToHashSet(StringComparer.Ordinal);
        var mounts = new List<MountPoint>();
        foreach (var m in inherited.Where(m => covered.Add(m.Destination)))
        {
            if (m.Type == "volume") Volumes.Use(m.Name, id);
            mounts.Add(m);
        }
        foreach (string path in (image?.Volumes?.Keys.ToList() ?? []).Select(MountRequest.Clean).Where(p => p != "/").Order(StringComparer.Ordinal))
        {
            if (covered.Add(path)) requests.Add(new MountRequest { Type = "volume", Target = path });
        }
        foreach (var r in requests)
        {
            mounts.Add(r.Type switch
            {
                "bind" => Bind(r, made),
                "tmpfs" => new MountPoint { Type = "tmpfs", Destination = r.Target, ReadOnly = r.ReadOnly, Mode = r.Mode, TmpfsText = TmpfsText(r) },
                _ => Volume(id, r, rootfs, made),
            });
        }
        return mounts;
    }

    /// <summary>
    /// A failed create: its volume uses are forgotten, the anonymous volumes and the named ones it made (when no
    /// other container took them meanwhile) removed, and the host directories -v made removed while still empty.
    /// </summary>
    private void UndoMounts(string id, MadeForMounts made)
    {
        Volumes.Release(id, removeAnonymous: true);
        foreach (string name in made.Volumes) Volumes.RemoveIfUnused(name);
        foreach (string dir in made.HostDirectories)
        {
            try
            {
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                break; // no longer empty: someone else's now
            }
        }
    }

    private static MountPoint Bind(MountRequest r, MadeForMounts made)
    {
        if (r.CreateHostPath && !Path.Exists(r.Source))
        {
            var missing = new List<string>();
            for (string? dir = r.Source; dir is not null && !Path.Exists(dir); dir = Path.GetDirectoryName(dir)) missing.Add(dir);
            Directory.CreateDirectory(r.Source);
            made.HostDirectories.AddRange(missing);
        }
        return new MountPoint
        {
            Type = "bind", Source = r.Source, Destination = r.Target, ReadOnly = r.ReadOnly, Mode = r.Mode,
            Propagation = r.Propagation.Length > 0 ? r.Propagation : "rprivate",
        };
    }

    private MountPoint Volume(string id, MountRequest r, string rootfs, MadeForMounts made)
    {
        var (volume, created) = Volumes.Use(r.Source.Length > 0 ? r.Source : null, id, r.VolumeLabels, r.VolumeOptions);
        if (created && !volume.Anonymous) made.Volumes.Add(volume.Name);
        if (!r.NoCopy) Volumes.CopyUp(volume.Name, rootfs, r.Target);
        return new MountPoint
        {
            Type = "volume", Name = volume.Name, Source = Volumes.DataPath(volume.Name), Destination = r.Target,
            ReadOnly = r.ReadOnly, Mode = r.Mode.Length > 0 ? r.Mode : (r.Source.Length > 0 && r.CreateHostPath ? "z" : ""), Propagation = "",
            Anonymous = volume.Anonymous,
        };
    }

    /// <summary>--mount type=tmpfs as the --tmpfs text SpecBuilder.Tmpfs reads: "/path:size=N,mode=0755[,ro]".</summary>
    internal static string TmpfsText(MountRequest r)
    {
        var options = new List<string>();
        if (r.TmpfsSize is { } size) options.Add($"size={size}");
        if (r.TmpfsMode is { } mode) options.Add("mode=" + Convert.ToString(mode, 8));
        if (r.ReadOnly) options.Add("ro");
        return options.Count == 0 ? r.Target : r.Target + ":" + string.Join(',', options);
    }
}
