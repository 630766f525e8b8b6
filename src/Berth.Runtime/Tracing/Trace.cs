using System.Runtime.CompilerServices;
using System.Text;

namespace Berth.Runtime.Tracing;

/// <summary>
/// The single tracing facility (CONVENTIONS.md 9): every kernel step the runtime takes, in plain words,
/// on stderr when --trace or BERTH_TRACE=1 is given. Lines look like
/// "berth-runtime[init 1 +4.2ms]: mount proc on /proc": who, its pid, the time since that process started.
/// With tracing off, an interpolated message is not even formatted (<see cref="StepHandler"/>): the start
/// path pays nothing for being explainable.
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
        if (Enabled) Write(text);
    }

    /// <summary>Step($"..."): the holes are only formatted when tracing is on.</summary>
    public static void Step(ref StepHandler text)
    {
        if (text.Enabled) Write(text.ToStringAndClear());
    }

    private static void Write(string text)
    {
        double ms = System.Diagnostics.Stopwatch.GetElapsedTime(s_start).TotalMilliseconds;
        Console.Error.WriteLine($"berth-runtime[{s_role} {Environment.ProcessId} +{ms:0.0}ms]: {text}");
    }

    /// <summary>--debug: <see cref="Debug"/> lines are printed even without --trace.</summary>
    public static bool DebugEnabled { get; set; }

    /// <summary>A detail worth a line with --debug or --trace, but not a step (e.g. a skipped seccomp rule).</summary>
    public static void Debug(string text)
    {
        if (Enabled) Step(text);
        else if (DebugEnabled) Console.Error.WriteLine($"berth-runtime[{s_role} {Environment.ProcessId}]: debug: {text}");
    }

    /// <summary>Builds a trace message only when tracing is enabled (C# interpolated string handler).</summary>
    [InterpolatedStringHandler]
    public ref struct StepHandler
    {
        private StringBuilder? _text;

        public StepHandler(int literalLength, int formattedCount, out bool enabled)
        {
            enabled = Trace.Enabled;
            _text = enabled ? new StringBuilder(literalLength + formattedCount * 16) : null;
        }

        internal readonly bool Enabled => _text is not null;

        public readonly void AppendLiteral(string value) => _text!.Append(value);

        public readonly void AppendFormatted<T>(T value) => _text!.Append(value);

        public readonly void AppendFormatted<T>(T value, string? format) where T : IFormattable => _text!.Append(value.ToString(format, null));

        internal string ToStringAndClear()
        {
            string s = _text!.ToString();
            _text = null;
            return s;
        }
    }
}
