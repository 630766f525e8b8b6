namespace Berth.RuntimeCli;

/// <summary>Signal names and numbers as `kill` accepts them: "KILL", "SIGKILL", "9".</summary>
public static class Signals
{
    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
        "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    public static int Parse(string text)
    {
        if (int.TryParse(text, out int n))
        {
            return n is > 0 and < 65 ? n : throw new UsageException($"kill: invalid signal number {text}");
        }
        string name = text.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        int index = Array.IndexOf(Names, name);
        if (index > 0) return index;
        if (name.StartsWith("RTMIN", StringComparison.Ordinal)) return 34 + (name.Length > 5 ? int.Parse(name[6..]) : 0);
        throw new UsageException($"kill: unknown signal \"{text}\"");
    }
}
