using System.Text.Json;
using Berth.Cli.Output;
using Berth.Engine.Containers;
using Berth.Engine.State;

namespace Berth.Cli.Commands.Container;

/// <summary>`ps [-a] [-q] [--no-trunc] [--format table|json]`: running containers (all with -a), newest first.</summary>
internal static class PsCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "ps", new HashSet<string> { "a", "all", "q", "quiet", "no-trunc" }, new HashSet<string> { "format" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth ps\" accepts no arguments");
        using var engine = EngineFactory.Open(global);
        var containers = engine.List(args.Has("a", "all"));
        bool noTrunc = args.Has("no-trunc");
        string format = args.Get("format") ?? "table";
        if (args.Has("q", "quiet")) containers.ToList().ForEach(c => Console.WriteLine(noTrunc ? c.Id : c.ShortId));
        else if (format == "json") foreach (var c in containers) Console.WriteLine(JsonSerializer.Serialize(Entry(c, noTrunc), CliLineJsonContext.Relaxed.ContainerListEntry));
        else if (format == "table")
        {
            Table.Print(["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"],
                containers.Select(c => new[] { noTrunc ? c.Id : c.ShortId, c.Image, Command(c, noTrunc), Units.Ago(c.Created), Status(c), "", c.Name }).ToList());
        }
        else throw new UsageException($"ps: invalid --format '{format}' (use table or json)");
        return 0;
    }

    private static ContainerListEntry Entry(ContainerRecord c, bool noTrunc) => new()
    {
        Command = Command(c, noTrunc), CreatedAt = c.Created.ToString("yyyy-MM-dd HH:mm:ss zzz"), ID = noTrunc ? c.Id : c.ShortId,
        Image = c.Image, Names = c.Name, Networks = ContainerEngine.ConfigOf(c).Options.Network, RunningFor = Units.Ago(c.Created),
        State = c.State, Status = Status(c),
    };

    /// <summary>Docker's COMMAND column: the command line quoted, cut to 20 characters with "…".</summary>
    private static string Command(ContainerRecord c, bool noTrunc)
    {
        var config = ContainerEngine.ConfigOf(c);
        string command = string.Join(' ', config.Entrypoint.Concat(config.Cmd));
        if (!noTrunc && command.Length > 20) command = command[..19] + "…";
        return $"\"{command}\"";
    }

    /// <summary>"Up 5 seconds", "Exited (3) 2 minutes ago", "Created".</summary>
    internal static string Status(ContainerRecord c) => c.State switch
    {
        ContainerStatus.Running => "Up " + Units.Ago(c.StartedAt).Replace(" ago", ""),
        ContainerStatus.Exited => $"Exited ({c.ExitCode ?? 0}) {Units.Ago(c.FinishedAt)}",
        ContainerStatus.Restarting => $"Restarting ({c.ExitCode ?? 0}) {Units.Ago(c.FinishedAt)}",
        _ => "Created",
    };
}
