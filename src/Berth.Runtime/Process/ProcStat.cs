using System.Globalization;

namespace Berth.Runtime.Process;

/// <summary>Reads /proc/&lt;pid&gt;/stat: the start time (field 22) tells a container's init from a later process that reuses its pid.</summary>
public static class ProcStat
{
    /// <summary>(state letter, start time in clock ticks), or null when the process does not exist.</summary>
    public static (char State, ulong StartTime)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>Parses a stat line; the command name (field 2) may hold spaces and parentheses, so fields are counted after the last ')'.</summary>
    public static (char State, ulong StartTime)? Parse(string text)
    {
        int close = text.LastIndexOf(')');
        if (close < 0) return null;
        string[] fields = text[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
        if (fields.Length < 20) return null;
        return (fields[0][0], ulong.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>The process exists, is not a zombie, and is the same one (same start time).</summary>
    public static bool IsAlive(int pid, ulong startTime)
    {
        if (pid <= 0) return false;
        var stat = Read(pid);
        return stat is { } s && s.State != 'Z' && s.State != 'X' && s.StartTime == startTime;
    }
}
