using Berth.Engine.Specs;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// The flags of `run` and `create`, docker's names and short forms. Flags end at the image: everything after
/// it is the container's command, even words that start with '-'.
/// </summary>
internal static class CreateFlags
{
    internal static readonly HashSet<string> Booleans =
    [
        "d", "detach", "rm", "read-only", "privileged", "help", "i", "interactive", "t", "tty",
        "init", "P", "publish-all", "sig-proxy",
    ];

    internal static readonly HashSet<string> Valued =
    [
        "name", "e", "env", "w", "workdir", "u", "user", "entrypoint", "h", "hostname", "v", "volume", "tmpfs", "m", "memory",
        "memory-swap", "cpus", "c", "cpu-shares", "cpuset-cpus", "pids-limit", "ulimit", "cap-add", "cap-drop", "security-opt",
        "network", "net", "runtime", "log-opt", "platform",
        "mount", "volumes-from",
        "l", "label", "label-file", "env-file",
        "network-alias", "net-alias", "ip", "p", "publish", "expose", "dns", "dns-search", "dns-option", "dns-opt", "add-host",
        "restart", "detach-keys",
    ];

    internal static (CreateOptions Options, CommandArgs Flags) Parse(string[] argv, string command)
    {
        int image = FirstPositional(argv);
        var flags = CommandArgs.Parse(argv[..image], command, Booleans, Valued);
        // How an attached CLI leaves is run's business: docker's create has neither flag.
        foreach (string runOnly in (string[])["detach-keys", "sig-proxy"])
        {
            if (command != "run" && flags.Get(runOnly) is not null) throw new UsageException($"{command}: unknown flag --{runOnly} (see 'berth {command} --help')");
        }
        if (image >= argv.Length) throw new UsageException($"\"berth {command}\" requires at least 1 argument; usage: berth {command} [OPTIONS] IMAGE [COMMAND] [ARG...]");
        var o = new CreateOptions
        {
            Image = argv[image], Cmd = [.. argv[(image + 1)..]], Name = flags.Get("name"), Entrypoint = flags.Get("entrypoint"),
            Env = flags.GetAll("e", "env").ToList(), WorkingDir = flags.Get("w", "workdir"), User = flags.Get("u", "user"),
            Hostname = flags.Get("h", "hostname"), ReadOnly = flags.Has("read-only"), Binds = flags.GetAll("v", "volume").ToList(),
            Tmpfs = flags.GetAll("tmpfs").ToList(), Memory = flags.Get("m", "memory"), MemorySwap = flags.Get("memory-swap"),
            Cpus = flags.Get("cpus"), CpuShares = flags.Get("c", "cpu-shares"), CpusetCpus = flags.Get("cpuset-cpus"),
            PidsLimit = flags.Get("pids-limit"), Ulimits = flags.GetAll("ulimit").ToList(), CapAdd = flags.GetAll("cap-add").ToList(),
            CapDrop = flags.GetAll("cap-drop").ToList(), Privileged = flags.Has("privileged"), SecurityOpt = flags.GetAll("security-opt").ToList(),
            Network = flags.Get("network", "net") ?? "bridge", AutoRemove = flags.Has("rm"), Runtime = flags.Get("runtime"),
        };
        o.Mounts = flags.GetAll("mount").ToList();
        o.VolumesFrom = flags.GetAll("volumes-from").ToList();
        o.Env.InsertRange(0, flags.GetAll("env-file").SelectMany(f => KeyValueFile.Read(f, "env file", Environment.GetEnvironmentVariable)));
        o.Labels = [.. flags.GetAll("label-file").SelectMany(f => KeyValueFile.Read(f, "label file", null)), .. flags.GetAll("l", "label")];
        o.Init = flags.Has("init");
        ParseNetworkFlags(o, flags);
        (o.Tty, o.Interactive) = (flags.Has("t", "tty"), flags.Has("i", "interactive"));
        o.Restart = flags.Get("restart");
        foreach (string opt in flags.GetAll("log-opt"))
        {
            string[] kv = opt.Split('=', 2);
            if (kv.Length != 2 || kv[0] is not ("max-size" or "max-file")) throw new UsageException($"{command}: unknown --log-opt {opt} (json-file takes max-size=SIZE and max-file=N)");
            if (kv[0] == "max-size") o.LogMaxSize = kv[1];
            else o.LogMaxFiles = kv[1];
        }
        return (o, flags);
    }

    /// <summary>--network-alias, --ip, -p, -P, --expose, --dns, --dns-search, --dns-option, --add-host (docs/network.md).</summary>
    private static void ParseNetworkFlags(CreateOptions o, CommandArgs flags)
    {
        o.NetworkAliases = flags.GetAll("network-alias", "net-alias").ToList();
        o.Ip = flags.Get("ip");
        o.Publish = flags.GetAll("p", "publish").ToList();
        o.PublishAll = flags.Has("P", "publish-all");
        o.Expose = flags.GetAll("expose").ToList();
        o.Dns = flags.GetAll("dns").ToList();
        o.DnsSearch = flags.GetAll("dns-search").ToList();
        o.DnsOption = flags.GetAll("dns-option", "dns-opt").ToList();
        o.AddHost = flags.GetAll("add-host").ToList();
    }

    /// <summary>Index of the first argument that is neither a flag nor a flag's value.</summary>
    private static int FirstPositional(string[] argv)
    {
        for (int i = 0; i < argv.Length; i++)
        {
            string a = argv[i];
            if (a == "--") return i + 1;
            if (a.Length < 2 || a[0] != '-') return i;
            string name = a.TrimStart('-');
            if (!name.Contains('=') && Valued.Contains(name)) i++;
        }
        return argv.Length;
    }
}
