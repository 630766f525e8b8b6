using System.Globalization;
using System.Text.Json;
using Berth.Cgroups.Stats;
using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`events [--stats] [--interval 5s] ID`: JSON lines as runc prints them (stats, oom).</summary>
public static class EventsCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "events", new HashSet<string> { "stats" }, new HashSet<string> { "interval" });
        var container = Container.Load(CommandHelpers.Store(global), CommandHelpers.RequireId(args, "events"));
        if (args.Has("stats"))
        {
            Write(container.StatsEvent());
            return 0;
        }
        var interval = Duration(args.Get("interval") ?? "5s");
        using var cancel = new CancellationTokenSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cancel.Cancel(); });
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, ctx => { ctx.Cancel = true; cancel.Cancel(); });
        container.Events(interval, Write, cancel.Token);
        return 0;
    }

    private static void Write(CgroupEvent e)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(e, CgroupStatsJsonContext.Default.CgroupEvent));
        Console.Out.Flush();
    }

    /// <summary>Go durations as runc takes them: "500ms", "5s", "1m", "1m30s".</summary>
    public static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
            int unitStart = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (start == unitStart || !double.TryParse(text[start..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n))
            {
                throw new UsageException($"events --interval '{text}': expected a duration such as 500ms, 5s or 1m");
            }
            total += text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => throw new UsageException($"events --interval '{text}': unknown unit '{text[unitStart..i]}' (ms, s, m, h)"),
            };
        }
        if (total <= TimeSpan.Zero) throw new UsageException($"events --interval '{text}': must be more than zero");
        return total;
    }
}
