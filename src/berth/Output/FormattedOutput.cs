namespace Berth.Cli.Output;

/// <summary>
/// docker's <c>--format</c> for list commands: absent or "table" = the command's default table; "json" = one
/// JSON object per line; "table TEMPLATE" = a header (each field's title) and aligned columns; any other
/// TEMPLATE = one rendered line per row, as written.
/// </summary>
internal static class FormattedOutput
{
    /// <param name="titles">field → column title ("ID" → "CONTAINER ID"); a field without one shows its name upper-cased</param>
    public static void Print(string? format, string defaultTable, IReadOnlyDictionary<string, string> titles, IEnumerable<TemplateRow> rows)
    {
        if (format == "json")
        {
            foreach (var row in rows) Console.WriteLine(row.Json());
            return;
        }
        var template = GoTemplate.Parse(format is null or "table" ? defaultTable : format, titles.Keys.ToList());
        if (!template.IsTable)
        {
            foreach (var row in rows) Console.WriteLine(template.Render(row));
            return;
        }
        var header = template.Render(new TemplateRow(titles.ToDictionary(t => t.Key, t => t.Value.Length > 0 ? t.Value : t.Key.ToUpperInvariant()), () => ""));
        var lines = rows.Select(template.Render).ToList();
        int columns = lines.Prepend(header).Max(l => l.Split('\t').Length);
        string[] Cells(string line)
        {
            string[] cells = line.Split('\t');
            return cells.Length == columns ? cells : [.. cells, .. Enumerable.Repeat("", columns - cells.Length)];
        }
        Table.Print(Cells(header), lines.Select(Cells).ToList());
    }
}
