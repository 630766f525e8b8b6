namespace Berth.Cli.Output;

/// <summary>Columns padded like Go's tabwriter with padding 3 (docker's tables and runc's list; berth-runtime links this file).</summary>
internal static class Table
{
    internal static void Print(string[] header, IReadOnlyList<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        int[] widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            Console.WriteLine(string.Join("", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i] + 3))).TrimEnd());
        }
    }
}
