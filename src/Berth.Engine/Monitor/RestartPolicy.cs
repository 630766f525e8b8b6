using System.Globalization;

namespace Berth.Engine.Monitor;

/// <summary>
/// docker's <c>--restart no|on-failure[:N]|always|unless-stopped</c> and what the monitor does with it after an
/// exit (moby's restartmanager): on-failure restarts a non-zero exit until N restarts were made (no N = no
/// limit); always and unless-stopped restart any exit; nothing restarts after `berth stop`. Between restarts
/// the monitor waits 100 ms, doubling each time up to 1 minute, back to 100 ms after a run of 10 s or more.
/// (always and unless-stopped differ only when a daemon starts again, which berth, daemonless, has not.) Pure.
/// </summary>
internal sealed record RestartPolicy(string Name, int MaximumRetryCount)
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    public static RestartPolicy No { get; } = new("no", 0);

    public bool IsNone => Name == "no";

    /// <summary>Parses the flag's value; throws <see cref="FormatException"/> with docker's wording.</summary>
    public static RestartPolicy Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return No;
        string[] parts = value.Split(':', 2);
        string name = parts[0];
        switch (name)
        {
            case "no" or "always" or "unless-stopped":
                if (parts.Length == 2) throw new FormatException($"invalid restart policy '{value}': maximum retry count can only be used with 'on-failure'");
                return new RestartPolicy(name, 0);
            case "on-failure":
                if (parts.Length == 1) return new RestartPolicy(name, 0);
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)) throw new FormatException($"invalid restart policy '{value}': maximum retry count must be a non-negative number");
                return new RestartPolicy(name, n);
            default:
                throw new FormatException($"invalid restart policy '{value}': use no, on-failure[:max-retries], always or unless-stopped");
        }
    }

    public override string ToString() => Name == "on-failure" && MaximumRetryCount > 0 ? $"{Name}:{MaximumRetryCount}" : Name;

    /// <summary>Whether an exit with <paramref name="exitCode"/>, after <paramref name="restartCount"/> restarts, is followed by another start.</summary>
    public bool ShouldRestart(int exitCode, int restartCount, bool stoppedByUser)
    {
        if (stoppedByUser) return false;
        return Name switch
        {
            "always" or "unless-stopped" => true,
            "on-failure" => exitCode != 0 && (MaximumRetryCount == 0 || restartCount < MaximumRetryCount),
            _ => false,
        };
    }

    /// <summary>The wait before the next start: the last one doubled, or the initial delay after a run of 10 s or more.</summary>
    public static TimeSpan NextDelay(TimeSpan previous, TimeSpan ranFor)
    {
        if (ranFor >= ResetAfter || previous <= TimeSpan.Zero) return InitialDelay;
        var doubled = previous * 2;
        return doubled > MaximumDelay ? MaximumDelay : doubled;
    }
}
