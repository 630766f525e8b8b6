using System.Security.Cryptography;
using System.Text.Json;
using Berth.Engine.Networks;
using Berth.Engine.Runtime;
using Berth.Engine.Specs;
using Berth.Engine.State;
using Berth.Images.Content;
using Berth.Images.Reference;
using Berth.Oci;
using Berth.Oci.Linux;
using Berth.Oci.Seccomp;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth create`: check the flags, find (or pull) the image, claim id and name in the database, unpack the
    /// layers, prepare and mount the overlay snapshot, resolve the mounts (volumes made and filled), write
    /// /etc/hosts etc. and config.json. Any failure undoes every step (row, snapshot, directory, the volumes and
    /// host directories it made), so a failed create leaves nothing behind.
    /// </summary>
    public async Task<ContainerRecord> CreateAsync(CreateOptions o, CancellationToken cancellationToken)
    {
        Validate(o);
        var inherited = InheritedMounts(o);
        var network = ResolveNetwork(o);
        string runtimePath = RuntimeLocator.Resolve(o.Runtime);
        var image = Images.Find(o.Image) ?? (_options.Pull is { } pull ? await pull(o.Image, cancellationToken)
            : throw new EngineException($"no such image: {o.Image}"));
        var record = NewRecord(o, image, runtimePath);
        Store.Insert(record);
        var made = new MadeForMounts();
        try
        {
            AttachNetwork(record, o, network);
            string rootfs = await PrepareRootfsAsync(record.Id, image, cancellationToken);
            var mounts = ResolveMounts(record.Id, o, inherited, Images.ReadConfig(image).Config, rootfs, made);
            var (spec, config) = SpecBuilder.Build(GatherInputs(record.Id, o, image, rootfs, mounts));
            config.Mounts = mounts;
            config.RuntimeName = Path.GetFileName(runtimePath);
            config.Driver = Snapshotter.Driver;
            File.WriteAllText(Path.Combine(record.BundlePath, "config.json"), JsonSerializer.Serialize(spec, OciJsonContext.Default.Spec));
            record.Config = JsonSerializer.Serialize(config, EngineJsonContext.Default.ContainerConfig);
            Store.Update(record);
            return record;
        }
        catch
        {
            RemoveArtifacts(record.Id);
            Store.Delete(record.Id);
            UndoMounts(record.Id, made);
            Networks.Store.DeleteEndpoints(record.Id);
            throw;
        }
    }

    /// <summary>The pure checks, before anything is pulled or written.</summary>
    private static void Validate(CreateOptions o)
    {
        if (o.Name is { } name && !NameGenerator.IsValid(name))
        {
            throw new InvalidOptionException($"invalid container name \"{name}\", only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        SpecBuilder.BuildResources(o, Environment.ProcessorCount);
        SpecBuilder.Capabilities(o.CapAdd, o.CapDrop);
        o.Ulimits.ForEach(u => SpecBuilder.ParseUlimit(u));
        o.Tmpfs.ForEach(t => SpecBuilder.Tmpfs(t));
        ParseMounts(o);
        ValidateNetwork(o);
        LogLimits(o);
        CheckRestartPolicy(o);
    }

    /// <summary>--restart parses, and is refused with --rm (docker: the two conflict).</summary>
    internal static Monitor.RestartPolicy CheckRestartPolicy(CreateOptions o)
    {
        Monitor.RestartPolicy policy;
        try
        {
            policy = Monitor.RestartPolicy.Parse(o.Restart);
        }
        catch (FormatException e)
        {
            throw new InvalidOptionException(e.Message);
        }
        if (o.AutoRemove && !policy.IsNone) throw new InvalidOptionException("conflicting options: cannot specify both --restart and --rm");
        return policy;
    }

    private ContainerRecord NewRecord(CreateOptions o, ImageRecord image, string runtimePath)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        string name = o.Name ?? NameGenerator.Generate(Store.NameExists);
        string dir = Paths.ContainerDirectory(id);
        return new ContainerRecord
        {
            Id = id, Name = name, Image = o.Image, ImageId = image.Id, Config = "{}", Created = DateTimeOffset.UtcNow,
            State = ContainerStatus.Created, BundlePath = dir, LogPath = Paths.LogPath(id), RuntimePath = runtimePath,
        };
    }

    /// <summary>
    /// Each layer unpacked once (the image store does it, under its lock, so garbage collection cannot remove a
    /// layer meanwhile), then the container's snapshot, mounted.
    /// </summary>
    private async Task<string> PrepareRootfsAsync(string id, ImageRecord image, CancellationToken cancellationToken)
    {
        var diffIds = await Images.EnsureLayersAsync(image, cancellationToken);
        Directory.CreateDirectory(Paths.ContainerDirectory(id), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await Snapshotter.PrepareAsync(id, diffIds, cancellationToken);
        string rootfs = Snapshotter.Mount(id);
        _mountedHere.Add(id);
        return rootfs;
    }

    private SpecInputs GatherInputs(string id, CreateOptions o, ImageRecord image, string rootfs, List<MountPoint> mounts)
    {
        var imageConfig = Images.ReadConfig(image).Config;
        string hostname = o.Hostname ?? (o.Network == "host" ? Environment.MachineName : id[..12]);
        return new SpecInputs
        {
            Id = id, Options = o, Image = imageConfig, RootfsPath = rootfs, Mounts = mounts,
            Users = new UserDatabase(ImageFile(rootfs, "passwd"), ImageFile(rootfs, "group")),
            HostCpuCount = Environment.ProcessorCount, CgroupsPath = Paths.CgroupsPath(id),
            EtcFiles = EtcFiles.Write(Paths.ContainerDirectory(id), hostname, o.Network),
            SeccompProfile = SeccompFile(o), HostHostname = Environment.MachineName,
            GoArch = DockerDefaultProfile.GoArch(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture),
            Kernel = Environment.OSVersion.Version,
            InitPath = o.Init ? FindInit() : null,
            HostDevices = o.Privileged ? HostDevices.List() : [],
            HostCapabilities = BoundingSet(),
            NetnsPath = NetworkMode.Parse(o.Network).IsBridge ? Networks.NetnsPath(id) : null,
        };
    }

    /// <summary>The capability names in CapBnd of /proc/self/status; null when it cannot be read.</summary>
    internal static List<string>? BoundingSet(string status = "/proc/self/status")
    {
        try
        {
            string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("CapBnd:", StringComparison.Ordinal));
            if (line is null || !ulong.TryParse(line[7..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out ulong mask)) return null;
            return CapabilityNames.All.Where((_, bit) => (mask & (1UL << bit)) != 0).ToList();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// --init's binary: $BERTH_INIT_PATH, else tini-static (docker's docker-init is tini: a command that is not
    /// found exits 127, one that cannot run 126), else catatonit (podman's); both static, so they run in any image.
    /// </summary>
    internal static string? FindInit() =>
        (Environment.GetEnvironmentVariable("BERTH_INIT_PATH") is { Length: > 0 } env ? env : null)
        ?? RuntimeLocator.FindBinary("tini-static") ?? RuntimeLocator.FindBinary("docker-init") ?? RuntimeLocator.FindBinary("catatonit")
        ?? (File.Exists("/usr/libexec/podman/catatonit") ? "/usr/libexec/podman/catatonit" : null);

    /// <summary>/etc/NAME of the image, read only when neither /etc nor the file is a symlink (which could point at the host's files).</summary>
    private static string? ImageFile(string rootfs, string name)
    {
        var etc = new DirectoryInfo(Path.Combine(rootfs, "etc"));
        var file = new FileInfo(Path.Combine(etc.FullName, name));
        if (!etc.Exists || etc.LinkTarget is not null || !file.Exists || file.LinkTarget is not null || file.Length > 4 << 20) return null;
        return File.ReadAllText(file.FullName);
    }

    private static string? SeccompFile(CreateOptions o)
    {
        string? path = o.SecurityOpt.Select(s => s.Split(s.Contains('=') ? '=' : ':', 2)).Where(kv => kv[0] == "seccomp" && kv.Length == 2 && kv[1] != "unconfined").Select(kv => kv[1]).LastOrDefault();
        if (path is null) return null;
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOptionException($"opening seccomp profile ({path}) failed: no such file");
    }

    /// <summary>--log-opt max-size (default 10m) and max-file (default 3).</summary>
    internal static (long MaxSize, int MaxFiles) LogLimits(CreateOptions o)
    {
        long size;
        try
        {
            size = o.LogMaxSize is null ? 10 << 20 : ByteSize.Parse(o.LogMaxSize);
        }
        catch (FormatException e)
        {
            throw new InvalidOptionException($"invalid value for max-size: {e.Message}");
        }
        int files = o.LogMaxFiles is null ? 3 : int.TryParse(o.LogMaxFiles, out int n) && n > 0 ? n : throw new InvalidOptionException($"invalid value for max-file: {o.LogMaxFiles}");
        return (Math.Max(size, 4096), files);
    }
}
