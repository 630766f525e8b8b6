using System.Globalization;

namespace Berth.Engine.Stats;

/// <summary>
/// `berth top`: host `ps` output cut down to the container's processes, as moby's parsePSOutput does: the
/// header gives the titles and the PID column; each line is split on whitespace into as many fields as there are
/// titles (the last, usually CMD, keeps its spaces) and kept when its PID is the container's. Pure.
/// </summary>
public sealed record ProcessTable(List<string> Titles, List<List<string>> Processes)
{
    public static ProcessTable Parse(string psOutput, IReadOnlySet<int> pids)
    {
        string[] lines = psOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) throw new EngineException("ps printed nothing", 1);
        var titles = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int pidIndex = titles.IndexOf("PID");
        if (pidIndex < 0) throw new EngineException("couldn't find PID field in ps output: add pid to the ps options (-o pid,...)", 1);
        var processes = new List<List<string>>();
        foreach (string line in lines.Skip(1))
        {
            var fields = Split(line, titles.Count);
            if (fields.Count <= pidIndex || !int.TryParse(fields[pidIndex], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            if (pids.Contains(pid)) processes.Add(fields);
        }
        return new ProcessTable(titles, processes);
    }

    /// <summary>At most <paramref name="count"/> fields: the last one is the rest of the line.</summary>
    private static List<string> Split(string line, int count)
    {
        var fields = new List<string>();
        int at = 0;
        while (fields.Count < count - 1)
        {
            while (at < line.Length && line[at] == ' ') at++;
            if (at >= line.Length) break;
            int end = line.IndexOf(' ', at);
            if (end < 0) end = line.Length;
            fields.Add(line[at..end]);
            at = end;
        }
        string rest = at < line.Length ? line[at..].Trim() : "";
        if (rest.Length > 0) fields.Add(rest);
        return fields;
    }
}
