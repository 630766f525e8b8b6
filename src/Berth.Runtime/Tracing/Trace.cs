namespace Berth.Runtime.Tracing;

/// <summary>
/// The single tracing facility (CONVENTIONS.md 9): every kernel step the runtime takes, in plain words,
/// on stderr when --trace or BERTH_TRACE=1 is given. Lines look like "berth-runtime[init 1]: mount proc on /proc".
/// </summary>
public static class Trace
{
    private static string s_role = "runtime";

    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable("BERTH_TRACE") == "1";

    /// <summary>Who is speaking: "runtime" (the command the user ran) or "init" (inside the container).</summary>
    public static void SetRole(string role) => s_role = role;

    public static void Step(string text)
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"berth-runtime[{s_role} {Environment.ProcessId}]: {text}");
        }
    }
}
