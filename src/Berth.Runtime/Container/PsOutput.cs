namespace Berth.Runtime.Container;

/// <summary>
/// `ps` in table form, as runc does it: run the host's ps(1) (default "-ef"), find the PID column in its
/// header, and keep the header plus the lines of processes that are in the container's cgroup. Pure.
/// </summary>
public static class PsOutput
{
    public static string Filter(string psOutput, IReadOnlySet<int> pids)
    {
        string[] lines = psOutput.Split('\n');
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new Oci.BerthException("ps: the ps program printed nothing");
        }
        string[] header = Columns(lines[0]);
        int column = Array.IndexOf(header, "PID");
        if (column < 0)
        {
            throw new Oci.BerthException($"ps: no PID column in ps's output header \"{lines[0].Trim()}\" (include pid in -o)");
        }
        var kept = new List<string> { lines[0] };
        foreach (string line in lines.Skip(1))
        {
            string[] fields = Columns(line);
            if (fields.Length > column && int.TryParse(fields[column], out int pid) && pids.Contains(pid))
            {
                kept.Add(line);
            }
        }
        return string.Join('\n', kept) + "\n";
    }

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
