namespace Berth.Cli.Commands.Container;

/// <summary>
/// `top CONTAINER [ps OPTIONS]`: the container's processes as the host's `ps` shows them (-ef by default); every
/// word after the container goes to ps. Columns at least 20 wide, as docker's tabwriter prints them.
/// </summary>
internal static class TopCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        if (argv.Length == 0 || argv[0].StartsWith('-')) throw new UsageException("\"berth top\" requires at least 1 argument; usage: berth top CONTAINER [ps OPTIONS]");
        using var engine = EngineFactory.Open(global);
        var table = engine.Top(argv[0], argv[1..]);
        var rows = table.Processes.Prepend(table.Titles).ToList();
        int columns = table.Titles.Count;
        int[] widths = Enumerable.Range(0, columns).Select(i => Math.Max(20, rows.Max(r => i < r.Count ? r[i].Length : 0) + 3)).ToArray();
        foreach (var row in rows)
        {
            Console.WriteLine(string.Concat(row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))));
        }
        return 0;
    }
}
