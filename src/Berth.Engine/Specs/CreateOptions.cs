namespace Berth.Engine.Specs;

/// <summary>
/// What `berth create`/`run` was asked for, flag by flag, unparsed (so `inspect` shows what was typed and
/// the parsing stays in one pure place, <see cref="SpecBuilder"/>). Stored as JSON in the database.
/// Open for later increments: named volumes, networks, labels.
/// </summary>
public sealed class CreateOptions
{
    public string Image { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>The command after the image; empty = the image's Cmd.</summary>
    public List<string> Cmd { get; set; } = [];
    /// <summary>--entrypoint: null = the image's; "" = none.</summary>
    public string? Entrypoint { get; set; }
    public List<string> Env { get; set; } = [];
    public string? WorkingDir { get; set; }
    public string? User { get; set; }
    public string? Hostname { get; set; }
    public bool ReadOnly { get; set; }
    public List<string> Binds { get; set; } = [];
    public List<string> Tmpfs { get; set; } = [];
    /// <summary>--mount type=bind|volume|tmpfs,source=…,target=…,… (each as typed).</summary>
    public List<string> Mounts { get; set; } = [];
    /// <summary>--volumes-from CONTAINER[:ro|:rw]: that container's bind and volume mounts.</summary>
    public List<string> VolumesFrom { get; set; } = [];
    public string? Memory { get; set; }
    public string? MemorySwap { get; set; }
    public string? Cpus { get; set; }
    public string? CpuShares { get; set; }
    public string? CpusetCpus { get; set; }
    public string? PidsLimit { get; set; }
    public List<string> Ulimits { get; set; } = [];
    public List<string> CapAdd { get; set; } = [];
    public List<string> CapDrop { get; set; } = [];
    public bool Privileged { get; set; }
    public List<string> SecurityOpt { get; set; } = [];
    /// <summary>--network: "bridge" (docker's default network), a network name, "none", "host" or "container:ID".</summary>
    public string Network { get; set; } = "bridge";
    public bool AutoRemove { get; set; }
    /// <summary>--runtime: a path, or a name looked up next to berth and in PATH; null = berth-runtime.</summary>
    public string? Runtime { get; set; }
    /// <summary>--log-opt max-size / max-file.</summary>
    public string? LogMaxSize { get; set; }
    public string? LogMaxFiles { get; set; }
    /// <summary>--label K=V (and --label-file lines, first): on top of the image's labels.</summary>
    public List<string> Labels { get; set; } = [];
    /// <summary>--init: a small init (catatonit) as PID 1 that reaps zombies and forwards signals.</summary>
    public bool Init { get; set; }

    // Networking (docs/network.md): docker's flag names.
    /// <summary>--network-alias: extra DNS names on a user-defined network.</summary>
    public List<string> NetworkAliases { get; set; } = [];
    /// <summary>--ip: a fixed address on the network.</summary>
    public string? Ip { get; set; }
    /// <summary>-p/--publish, as typed; -P/--publish-all; --expose.</summary>
    public List<string> Publish { get; set; } = [];
    public bool PublishAll { get; set; }
    public List<string> Expose { get; set; } = [];
    /// <summary>--dns, --dns-search, --dns-option, --add-host.</summary>
    public List<string> Dns { get; set; } = [];
    public List<string> DnsSearch { get; set; } = [];
    public List<string> DnsOption { get; set; } = [];
    public List<string> AddHost { get; set; } = [];
    /// <summary>-t: the container gets a pty (process.terminal) owned by its monitor.</summary>
    public bool Tty { get; set; }
    /// <summary>-i: the container's stdin stays open (fed by attached clients) instead of /dev/null.</summary>
    public bool Interactive { get; set; }
    /// <summary>docker's StdinOnce (run -i without -d): the container's stdin closes when the attached client's ends.</summary>
    public bool StdinOnce { get; set; }
    /// <summary>--restart no|on-failure[:N]|always|unless-stopped; null = no.</summary>
    public string? Restart { get; set; }
}
