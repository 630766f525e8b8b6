using System.Globalization;
using System.Text.Json;
using Berth.Cli.Output;
using Berth.Engine.Containers;
using Berth.Engine.State;
using Berth.Engine.Stats;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `stats [-a] [--no-stream] [--no-trunc] [--format table|json|TEMPLATE] [CONTAINER...]`: CPU %, memory use and
/// limit, network and block I/O and the number of processes, read from each container's cgroup (v1, hybrid or
/// v2). CPU % compares two readings a second apart, as docker does; streaming redraws every second until ^C.
/// Without names: the running containers (all with -a).
/// </summary>
internal static class StatsCommand
{
    private const string DefaultTable = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["Container"] = "CONTAINER", ["ID"] = "CONTAINER ID", ["Name"] = "NAME", ["CPUPerc"] = "CPU %", ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %", ["NetIO"] = "NET I/O", ["BlockIO"] = "BLOCK I/O", ["PIDs"] = "PIDS",
    };

    internal static int Execute(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "stats", new HashSet<string> { "a", "all", "no-stream", "no-trunc" }, new HashSet<string> { "format" });
        string? format = args.Get("format");
        if (format is not null and not ("json" or "table")) GoTemplate.Parse(format, Titles.Keys.ToList());
        using var engine = EngineFactory.Open(global);
        var named = args.Positional.Select(engine.Get).ToList();
        List<ContainerRecord> Containers() => named.Count > 0 ? named.Select(c => engine.Store.Find(c.Id) ?? c).ToList() : engine.List(args.Has("a", "all")).ToList();
        var previous = new Dictionary<string, StatsSample>();
        bool stream = !args.Has("no-stream");
        foreach (var c in Containers()) previous[c.Id] = engine.SampleStats(c);
        while (true)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            if (cancellationToken.IsCancellationRequested) return 0;
            var rows = new List<TemplateRow>();
            foreach (var c in Containers())
            {
                var sample = engine.SampleStats(c);
                var entry = Entry(c, previous.GetValueOrDefault(c.Id), sample, args.Has("no-trunc"), args.Positional.FirstOrDefault(p => engine.Store.Find(p)?.Id == c.Id));
                previous[c.Id] = sample;
                rows.Add(new TemplateRow(entry.Fields(), () => JsonSerializer.Serialize(entry, CliLineJsonContext.Relaxed.StatsEntry)));
            }
            if (stream && format is null or "table") Console.Write("\u001b[2J\u001b[H");
            FormattedOutput.Print(format, DefaultTable, Titles, rows);
            if (!stream) return 0;
        }
    }

    private static StatsEntry Entry(ContainerRecord c, StatsSample? previous, StatsSample s, bool noTrunc, string? typed)
    {
        bool running = c.IsRunning;
        string Pair(ulong a, ulong b) => running ? $"{Units.HumanSize3(a)} / {Units.HumanSize3(b)}" : "--";
        return new StatsEntry
        {
            Container = typed ?? (noTrunc ? c.Id : c.ShortId), ID = noTrunc ? c.Id : c.ShortId, Name = c.Name,
            CPUPerc = running ? StatsSample.CpuPercent(previous, s).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "--",
            MemUsage = running ? $"{Units.BinarySize(s.MemoryUsage)} / {Units.BinarySize(s.MemoryLimit)}" : "-- / --",
            MemPerc = running ? s.MemoryPercent.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "--",
            NetIO = Pair(s.NetRx, s.NetTx), BlockIO = Pair(s.BlockRead, s.BlockWrite), PIDs = running ? s.Pids.ToString(CultureInfo.InvariantCulture) : "--",
        };
    }
}

/// <summary>One line of `stats --format json`, docker's field names.</summary>
internal sealed class StatsEntry
{
    public string BlockIO { get; set; } = "";
    public string CPUPerc { get; set; } = "";
    public string Container { get; set; } = "";
    public string ID { get; set; } = "";
    public string MemPerc { get; set; } = "";
    public string MemUsage { get; set; } = "";
    public string Name { get; set; } = "";
    public string NetIO { get; set; } = "";
    public string PIDs { get; set; } = "";

    internal Dictionary<string, string> Fields() => new(StringComparer.Ordinal)
    {
        ["BlockIO"] = BlockIO, ["CPUPerc"] = CPUPerc, ["Container"] = Container, ["ID"] = ID, ["MemPerc"] = MemPerc,
        ["MemUsage"] = MemUsage, ["Name"] = Name, ["NetIO"] = NetIO, ["PIDs"] = PIDs,
    };
}
