using System.Globalization;
using Berth.Engine.Logs;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `logs [-f] [--tail N|all] [--since T] [--until T] [-t] CONTAINER`: the container's json-file log, stdout to
/// stdout and stderr to stderr; -t prefixes each line with its time; -f keeps following until the container
/// stops; --since/--until keep the entries from / before a time (RFC 3339, Unix timestamp, or 10m ago: <see cref="LogTime"/>).
/// </summary>
internal static class LogsCommand
{
    internal static int Execute(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "logs", new HashSet<string> { "f", "follow", "t", "timestamps" }, new HashSet<string> { "tail", "n", "since", "until" });
        args.RequirePositional(1, "logs", "[-f] [--tail N] [-t] CONTAINER");
        string tail = args.Get("tail", "n") ?? "all";
        int? keep = tail == "all" ? null : int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
            : throw new UsageException($"logs: invalid argument \"{tail}\" for \"-n, --tail\" flag: a number or all");
        var now = DateTimeOffset.UtcNow;
        var localOffset = TimeZoneInfo.Local.GetUtcOffset(now);
        DateTimeOffset? since = args.Get("since") is { } s ? LogTime.Parse(s, now, localOffset, "--since") : null;
        DateTimeOffset? until = args.Get("until") is { } u ? LogTime.Parse(u, now, localOffset, "--until") : null;
        using var engine = EngineFactory.Open(global);
        var c = engine.Get(args.Positional[0]);
        bool timestamps = args.Has("t", "timestamps");
        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        bool InWindow(LogEntry e) => (since is null && until is null) || LogTime.ParseEntry(e.Time) is not { } t || ((since is null || t >= since) && (until is null || t <= until));
        void Emit(LogEntry e)
        {
            if (!InWindow(e)) return;
            var target = e.Stream == 0 ? stdout : stderr;
            if (timestamps) target.Write(System.Text.Encoding.UTF8.GetBytes(e.Time + " "));
            target.Write(e.Data);
            target.Flush();
        }
        var entries = JsonLogReader.ReadAll(c.LogPath, out long offset).Where(InWindow).ToList();
        foreach (var e in keep is { } k ? entries.Skip(Math.Max(0, entries.Count - k)) : entries) Emit(e);
        // -f follows while the container runs and, with --until, until that time (docker stops there too).
        bool Following() => (until is null || DateTimeOffset.UtcNow <= until) && engine.Store.Find(c.Id)?.IsRunning == true && engine.IsMonitorAlive(c);
        if (args.Has("f", "follow") && c.IsRunning && Following())
        {
            JsonLogReader.Follow(c.LogPath, offset, Following, Emit, cancellationToken);
        }
        return 0;
    }
}
