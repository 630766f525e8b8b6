using Berth.Oci;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Engine.Specs;

/// <summary>
/// Image config + `berth run` flags → the OCI config.json the runtime gets, the way docker's daemon builds it
/// (moby daemon/oci_linux.go): the command is Entrypoint + Cmd (--entrypoint replaces the image's and drops its
/// Cmd), the environment is the image's with -e on top (plus PATH and HOSTNAME), the working directory and
/// user come from the flags or the image, the hostname is the short id. Each group of flags has its own
/// partial file (Resources, Security, Mounts). Pure: no file is read, nothing is looked up on the host.
/// </summary>
public static partial class SpecBuilder
{
    /// <summary>
    /// The ociVersion written in config.json: 1.0.2, as docker writes, the oldest that covers every field berth uses,
    /// so runtimes that check it against what they know (crun 1.8 refuses "1.2.1": "unknown version specified") accept it.
    /// </summary>
    public const string OciVersion = "1.0.2";

    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static (OciSpec Spec, ContainerConfig Config) Build(SpecInputs inputs)
    {
        var o = inputs.Options;
        var spec = DefaultSpec.Create();
        spec.OciVersion = OciVersion;
        var config = new ContainerConfig { Options = o, StopSignal = inputs.Image?.StopSignal, Labels = MergeLabels(inputs.Image?.Labels, o.Labels) };
        spec.Root = new Root { Path = inputs.RootfsPath, Readonly = o.ReadOnly };
        config.Hostname = o.Hostname ?? (o.Network == "host" ? inputs.HostHostname : inputs.Id[..12]);
        spec.Hostname = config.Hostname;
        BuildProcess(spec.Process!, inputs, config);
        spec.Linux!.CgroupsPath = inputs.CgroupsPath;
        ApplyNetwork(spec, o.Network, inputs.NetnsPath);
        config.ExposedPorts = ExposedPorts(inputs.Image?.ExposedPorts?.Keys, o.Expose);
        ApplyMounts(spec, inputs);
        spec.Linux.Resources = BuildResources(o, inputs.HostCpuCount);
        ApplySecurity(spec, inputs);
        ApplyInit(spec, inputs);
        return (spec, config);
    }

    private static void BuildProcess(Process process, SpecInputs inputs, ContainerConfig config)
    {
        var o = inputs.Options;
        var image = inputs.Image;
        (config.Entrypoint, config.Cmd) = o.Entrypoint is not null
            ? (o.Entrypoint.Length == 0 ? [] : [o.Entrypoint], o.Cmd)
            : (image?.Entrypoint ?? [], o.Cmd.Count > 0 ? o.Cmd : image?.Cmd ?? []);
        var args = config.Entrypoint.Concat(config.Cmd).ToList();
        if (args.Count == 0) throw new InvalidOptionException("no command specified: the image has no Entrypoint or Cmd; give one after the image name");
        process.Args = args;
        process.Terminal = o.Tty;
        config.WorkingDir = o.WorkingDir ?? (string.IsNullOrEmpty(image?.WorkingDir) ? "/" : image.WorkingDir);
        if (!config.WorkingDir.StartsWith('/')) throw new InvalidOptionException($"the working directory '{config.WorkingDir}' is invalid, it needs to be an absolute path");
        process.Cwd = config.WorkingDir;
        config.User = o.User ?? image?.User ?? "";
        var (user, home) = inputs.Users.Resolve(config.User);
        process.User = user;
        config.Env = MergeEnvironment(image?.Env, o.Env, config.Hostname, inputs.HostEnvironment);
        process.Env = [.. config.Env];
        if (!process.Env.Any(e => e.StartsWith("HOME=", StringComparison.Ordinal))) process.Env.Add("HOME=" + home);
        // docker sets TERM for a container with a terminal when the image and -e do not.
        if (o.Tty && !config.Env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            config.Env.Add("TERM=xterm");
            process.Env.Add("TERM=xterm");
        }
        process.NoNewPrivileges = false;
        process.Rlimits = null;
    }

    /// <summary>Image Env, then -e (KEY=VALUE sets, KEY alone copies the host's value or is dropped); PATH and HOSTNAME added when missing.</summary>
    public static List<string> MergeEnvironment(IEnumerable<string>? image, IEnumerable<string> flags, string hostname, Func<string, string?> host)
    {
        var env = new List<string>();
        void Set(string key, string value)
        {
            int i = env.FindIndex(e => e.Split('=', 2)[0] == key);
            if (i >= 0) env[i] = $"{key}={value}";
            else env.Add($"{key}={value}");
        }
        if (!(image ?? []).Any(e => e.StartsWith("PATH=", StringComparison.Ordinal))) Set("PATH", DefaultPath);
        Set("HOSTNAME", hostname);
        foreach (string e in image ?? []) SetEntry(e, Set);
        foreach (string e in flags)
        {
            if (e.Length == 0 || e.StartsWith('=')) throw new InvalidOptionException($"invalid argument \"{e}\" for \"-e, --env\" flag: variable name is empty");
            if (e.Contains('=')) SetEntry(e, Set);
            else if (host(e) is { } value) Set(e, value);
        }
        return env;
    }

    private static void SetEntry(string entry, Action<string, string> set)
    {
        string[] kv = entry.Split('=', 2);
        set(kv[0], kv.Length == 2 ? kv[1] : "");
    }

    /// <summary>
    /// host: no network namespace; none: a new one with only lo (the runtime makes it); a bridge network or
    /// container:ID: the namespace at <paramref name="netnsPath"/> (the engine makes and sets up the bridge one at
    /// start; for container:ID the path is filled in at start from the running container).
    /// </summary>
    private static void ApplyNetwork(OciSpec spec, string network, string? netnsPath)
    {
        var mode = CheckNetwork(network);
        if (mode.Kind == Networks.NetworkMode.Host)
        {
            spec.Linux!.Namespaces = spec.Linux.Namespaces!.Where(n => n.Type != Berth.Oci.Linux.NamespaceTypes.Network).ToList();
        }
        else if (mode.Kind != Networks.NetworkMode.None && netnsPath is not null)
        {
            spec.Linux!.Namespaces!.First(n => n.Type == Berth.Oci.Linux.NamespaceTypes.Network).Path = netnsPath;
        }
    }

    /// <summary>--network: none, host, container:NAME|ID or a network name (checked against the database by the engine).</summary>
    internal static Networks.NetworkMode CheckNetwork(string network) => Networks.NetworkMode.Parse(network);

    /// <summary>The image's ExposedPorts keys and --expose values, normalised to "PORT/PROTO", for -P and inspect.</summary>
    internal static List<string> ExposedPorts(IEnumerable<string>? image, IEnumerable<string> expose) =>
        (image ?? []).Concat(expose).Select(Berth.Network.Ports.PortSpec.Exposed).Select(p => $"{p.ContainerPort}/{p.Protocol}").Distinct().ToList();
}
