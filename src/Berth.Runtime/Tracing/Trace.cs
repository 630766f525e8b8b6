namespace Berth.Runtime.Tracing;

/// <summary>
/// The single tracing facility (CONVENTIONS.md 9): every kernel step the runtime takes, in plain words,
/// on stderr when --trace or BERTH_TRACE=1 is given. Lines look like
/// "berth-runtime[init 1 +4.2ms]: mount proc on /proc": who, its pid, the time since that process started.
/// </summary>
public static class Trace
{
    private static string s_role = "runtime";
    private static readonly long s_start = System.Diagnostics.Stopwatch.GetTimestamp();

    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable("BERTH_TRACE") == "1";

    /// <summary>Who is speaking: "runtime" (the command the user ran) or "init" (inside the container).</summary>
    public static void SetRole(string role) => s_role = role;

    public static void Step(string text)
    {
        if (Enabled)
        {
            double ms = System.Diagnostics.Stopwatch.GetElapsedTime(s_start).TotalMilliseconds;
            Console.Error.WriteLine($"berth-runtime[{s_role} {Environment.ProcessId} +{ms:0.0}ms]: {text}");
        }
    }

    /// <summary>--debug: <see cref="Debug"/> lines are printed even without --trace.</summary>
    public static bool DebugEnabled { get; set; }

    /// <summary>A detail worth a line with --debug or --trace, but not a step (e.g. a skipped seccomp rule).</summary>
    public static void Debug(string text)
    {
        if (Enabled) Step(text);
        else if (DebugEnabled) Console.Error.WriteLine($"berth-runtime[{s_role} {Environment.ProcessId}]: debug: {text}");
    }
}
