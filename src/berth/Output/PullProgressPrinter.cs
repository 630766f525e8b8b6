using Berth.Images.Pull;

namespace Berth.Cli.Output;

/// <summary>
/// Prints pull progress. On a terminal: one line per blob, redrawn in place with ANSI cursor movement
/// ("abc123def456: Downloading [=====>     ] 1.2MB/3.4MB"), at most every 100 ms. Otherwise: one plain line
/// each time a blob changes state (no byte counts, no "Extracting"), so logs stay readable: a layer's lines end
/// with "Unpacked" once its directory is ready.
/// </summary>
internal sealed class PullProgressPrinter : IProgress<PullProgress>
{
    private readonly object _gate = new();
    private readonly bool _terminal;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, PullProgress> _last = [];
    private int _drawnLines;
    private long _lastDraw;

    internal PullProgressPrinter(bool terminal) => _terminal = terminal;

    public void Report(PullProgress value)
    {
        if (value.Status is PullStatus.UpToDate or PullStatus.Stored) return;
        lock (_gate)
        {
            bool changed = !_last.TryGetValue(value.Id, out var previous) || previous.Status != value.Status;
            if (!_last.ContainsKey(value.Id)) _order.Add(value.Id);
            _last[value.Id] = value;
            if (!_terminal)
            {
                if (changed && value.Status is not (PullStatus.Downloading or PullStatus.Extracting)) Console.WriteLine($"{value.Id}: {Describe(value)}");
                return;
            }
            long now = Environment.TickCount64;
            if (!changed && now - _lastDraw < 100) return;
            _lastDraw = now;
            Redraw();
        }
    }

    /// <summary>Draws the final state of every line (terminal only).</summary>
    internal void Finish()
    {
        lock (_gate)
        {
            if (_terminal) Redraw();
        }
    }

    private void Redraw()
    {
        var output = new System.Text.StringBuilder();
        if (_drawnLines > 0) output.Append($"\u001b[{_drawnLines}A");
        foreach (string id in _order) output.Append("\u001b[2K").Append(id).Append(": ").Append(Describe(_last[id], bar: true)).Append('\n');
        _drawnLines = _order.Count;
        Console.Write(output.ToString());
    }

    private static string Describe(PullProgress p, bool bar = false) => p.Status switch
    {
        PullStatus.AlreadyExists => "Already exists",
        PullStatus.Waiting => "Waiting",
        PullStatus.Complete => "Download complete",
        PullStatus.Extracting => "Extracting",
        PullStatus.Unpacked => "Unpacked",
        PullStatus.Downloading when bar => $"Downloading {Bar(p.Current, p.Total)} {Units.HumanSize(p.Current)}/{Units.HumanSize(p.Total)}",
        PullStatus.Downloading => "Downloading",
        _ => p.Status.ToString(),
    };

    private static string Bar(long current, long total)
    {
        const int width = 40;
        int filled = total <= 0 ? width : (int)Math.Min(width, current * width / total);
        return "[" + new string('=', Math.Max(0, filled - 1)) + (filled > 0 ? ">" : "") + new string(' ', width - filled) + "]";
    }
}
