using Berth.Engine.Volumes;

namespace Berth.Engine.Specs;

/// <summary>
/// One mount asked for with <c>-v</c> or <c>--mount</c>, parsed (pure). <see cref="Type"/> is "bind" (Source =
/// host path), "volume" (Source = volume name, "" for an anonymous volume) or "tmpfs". The parsing and the
/// errors follow docker (moby volume/mounts/linux_parser.go, docker/cli opts/mount.go).
/// </summary>
public sealed record MountRequest
{
    private static readonly string[] Propagations = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

    public required string Type { get; init; }
    public string Source { get; init; } = "";
    public required string Target { get; init; }
    public bool ReadOnly { get; init; }
    /// <summary>Bind propagation; "" = rprivate.</summary>
    public string Propagation { get; init; } = "";
    /// <summary>volume-nocopy / nocopy: do not fill an empty volume from the image.</summary>
    public bool NoCopy { get; init; }
    /// <summary>From -v: a missing host directory is created (docker does; --mount refuses).</summary>
    public bool CreateHostPath { get; init; }
    public long? TmpfsSize { get; init; }
    public uint? TmpfsMode { get; init; }
    public Dictionary<string, string> VolumeLabels { get; init; } = [];
    public Dictionary<string, string> VolumeOptions { get; init; } = [];
    public string? VolumeDriver { get; init; }

    /// <summary>The mode text docker shows in inspect (Mounts[].Mode): "ro", "z", "" ...</summary>
    public string Mode { get; init; } = "";

    /// <summary>
    /// <c>-v</c>: <c>/host:/ctr[:opts]</c> (bind), <c>name:/ctr[:opts]</c> (named volume), <c>/ctr</c> (anonymous
    /// volume). Options: ro|rw, z|Z, a propagation, nocopy, comma-separated.
    /// </summary>
    public static MountRequest ParseVolumeFlag(string text)
    {
        string[] parts = text.Split(':');
        string source, target, options = "";
        switch (parts.Length)
        {
            case 1:
                (source, target) = ("", parts[0]);
                break;
            case 2 when IsModeList(parts[1]) && !parts[1].StartsWith('/'):
                throw Invalid(text);
            case 2:
                (source, target) = (parts[0], parts[1]);
                break;
            case 3:
                (source, target, options) = (parts[0], parts[1], parts[2]);
                break;
            default:
                throw Invalid(text);
        }
        if (target.Length == 0 || (parts.Length > 1 && source.Length == 0)) throw Invalid(text);
        string type = source.Length == 0 || !source.StartsWith('/') && !source.StartsWith('.') ? "volume" : "bind";
        if (!target.StartsWith('/')) throw new InvalidOptionException($"invalid volume specification: '{text}': invalid mount config for type \"{type}\": invalid mount path: '{target}' mount path must be absolute");
        CheckTarget(target, text);
        bool readOnly = false, noCopy = false;
        string propagation = "";
        foreach (string option in options.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (option is "ro" or "rw") readOnly = option == "ro";
            else if (Propagations.Contains(option)) propagation = option;
            else if (option == "nocopy") noCopy = true;
            else if (option is not ("z" or "Z" or "consistent" or "cached" or "delegated")) throw new InvalidOptionException($"invalid volume specification: '{text}': invalid mode: {option}");
        }
        if (type == "volume" && propagation.Length > 0) throw new InvalidOptionException($"invalid volume specification: '{text}': invalid mount config for type \"volume\": propagation is only allowed for bind mounts");
        if (type == "bind" && noCopy) throw new InvalidOptionException($"invalid volume specification: '{text}': invalid mode: nocopy (only for volumes)");
        if (type == "volume" && source.Length > 0) VolumeName.Check(source);
        return new MountRequest
        {
            Type = type, Source = type == "bind" ? Path.GetFullPath(source) : source, Target = Clean(target), ReadOnly = readOnly,
            Propagation = propagation, NoCopy = noCopy, CreateHostPath = true, Mode = options,
        };
    }

    private static bool IsModeList(string text) => text.Split(',').All(o => o is "ro" or "rw" or "z" or "Z" or "nocopy" || Propagations.Contains(o));

    /// <summary>
    /// <c>--mount type=bind|volume|tmpfs,source=…,target=…[,readonly][,bind-propagation=…][,volume-nocopy]
    /// [,volume-label=K=V][,volume-driver=local][,volume-opt=K=V][,tmpfs-size=…][,tmpfs-mode=…]</c>.
    /// </summary>
    public static MountRequest ParseMountFlag(string text) => MountFlagParser.Parse(text);

    internal static void CheckTarget(string target, string text)
    {
        if (Clean(target) == "/") throw new InvalidOptionException($"invalid volume specification: '{text}': invalid mount config: destination can't be '/'");
    }

    /// <summary>"/a//b/" → "/a/b".</summary>
    public static string Clean(string path) => "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));

    private static InvalidOptionException Invalid(string text) => new($"invalid volume specification: '{text}'");
}
