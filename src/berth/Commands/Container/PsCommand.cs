using System.Text.Json;
using Berth.Cli.Output;
using Berth.Engine.Containers;
using Berth.Engine.State;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `ps [-a] [-q] [--no-trunc] [-n N] [-l] [-f KEY=VALUE]... [--format table|json|TEMPLATE]`: running containers (all with
/// -a), newest first; filters as docker's (see <see cref="ContainerFilter"/>); a Go-template subset for --format.
/// </summary>
internal static class PsCommand
{
    private const string DefaultTable = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "ps", new HashSet<string> { "a", "all", "q", "quiet", "no-trunc", "l", "latest" }, new HashSet<string> { "format", "filter", "f", "n", "last" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth ps\" accepts no arguments");
        var filter = ContainerFilter.Parse(args.GetAll("filter", "f"));
        int last = args.Has("l", "latest") ? 1 : args.Get("n", "last") is { } n ? int.TryParse(n, out int k) ? k : throw new UsageException($"ps: invalid argument \"{n}\" for \"-n, --last\" flag") : -1;
        using var engine = EngineFactory.Open(global);
        var containers = engine.List(args.Has("a", "all") || filter.ImpliesAll || last > 0)
            .Where(c => filter.Matches(c, Labels(c), id => engine.Store.Find(id), image => engine.Images.Find(image)?.Id)).ToList();
        if (last > 0) containers = containers.Take(last).ToList();
        bool noTrunc = args.Has("no-trunc");
        if (args.Has("q", "quiet"))
        {
            containers.ForEach(c => Console.WriteLine(noTrunc ? c.Id : c.ShortId));
            return 0;
        }
        var rows = containers.Select(c =>
        {
            var entry = Entry(engine, c, noTrunc);
            return new TemplateRow(entry.Fields(), () => JsonSerializer.Serialize(entry, CliLineJsonContext.Relaxed.ContainerListEntry), Labels(c));
        });
        FormattedOutput.Print(args.Get("format"), DefaultTable, ContainerListEntry.Titles, rows.ToList());
        return 0;
    }

    internal static IReadOnlyDictionary<string, string> Labels(ContainerRecord c) => ContainerEngine.ConfigOf(c).Labels ?? new Dictionary<string, string>();

    private static ContainerListEntry Entry(ContainerEngine engine, ContainerRecord c, bool noTrunc)
    {
        var config = ContainerEngine.ConfigOf(c);
        return new()
        {
            Command = Command(c, noTrunc), CreatedAt = c.Created.ToString("yyyy-MM-dd HH:mm:ss zzz"), ID = noTrunc ? c.Id : c.ShortId,
            Image = c.Image, Names = c.Name, Networks = config.Options.Network, RunningFor = Units.Ago(c.Created), Ports = PortCommand.Column(engine, c.Id),
            State = c.State, Status = Status(c),
            Labels = string.Join(',', (config.Labels ?? []).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
            Mounts = string.Join(',', config.Options.Binds.Select(b => b.Split(':')[0])),
        };
    }

    /// <summary>Docker's COMMAND column: the command line quoted, cut to 20 characters with "…".</summary>
    private static string Command(ContainerRecord c, bool noTrunc)
    {
        var config = ContainerEngine.ConfigOf(c);
        string command = string.Join(' ', config.Entrypoint.Concat(config.Cmd));
        if (!noTrunc && command.Length > 20) command = command[..19] + "…";
        return $"\"{command}\"";
    }

    /// <summary>"Up 5 seconds", "Up 5 seconds (Paused)", "Exited (3) 2 minutes ago", "Created".</summary>
    internal static string Status(ContainerRecord c) => c.State switch
    {
        ContainerStatus.Running => "Up " + Units.Ago(c.StartedAt).Replace(" ago", ""),
        ContainerStatus.Paused => "Up " + Units.Ago(c.StartedAt).Replace(" ago", "") + " (Paused)",
        ContainerStatus.Exited => $"Exited ({c.ExitCode ?? 0}) {Units.Ago(c.FinishedAt)}",
        ContainerStatus.Restarting => $"Restarting ({c.ExitCode ?? 0}) {Units.Ago(c.FinishedAt)}",
        _ => "Created",
    };
}
