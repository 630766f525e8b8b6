using System.Globalization;
using Berth.Engine.Logs;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `logs [-f] [--tail N|all] [-t] CONTAINER`: the container's json-file log, stdout to stdout and stderr to
/// stderr; -t prefixes each line with its time; -f keeps following until the container stops.
/// </summary>
internal static class LogsCommand
{
    internal static int Execute(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "logs", new HashSet<string> { "f", "follow", "t", "timestamps" }, new HashSet<string> { "tail", "n" });
        args.RequirePositional(1, "logs", "[-f] [--tail N] [-t] CONTAINER");
        string tail = args.Get("tail", "n") ?? "all";
        int? keep = tail == "all" ? null : int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
            : throw new UsageException($"logs: invalid argument \"{tail}\" for \"-n, --tail\" flag: a number or all");
        using var engine = EngineFactory.Open(global);
        var c = engine.Get(args.Positional[0]);
        bool timestamps = args.Has("t", "timestamps");
        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        void Emit(LogEntry e)
        {
            var target = e.Stream == 0 ? stdout : stderr;
            if (timestamps) target.Write(System.Text.Encoding.UTF8.GetBytes(e.Time + " "));
            target.Write(e.Data);
            target.Flush();
        }
        var entries = JsonLogReader.ReadAll(c.LogPath);
        foreach (var e in keep is { } k ? entries.Skip(Math.Max(0, entries.Count - k)) : entries) Emit(e);
        if (args.Has("f", "follow") && c.IsRunning)
        {
            long offset = File.Exists(c.LogPath) ? new FileInfo(c.LogPath).Length : 0;
            JsonLogReader.Follow(c.LogPath, offset, () => engine.Store.Find(c.Id)?.IsRunning == true && engine.IsMonitorAlive(c), Emit, cancellationToken);
        }
        return 0;
    }
}
