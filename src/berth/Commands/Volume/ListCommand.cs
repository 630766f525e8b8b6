using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Engine.Containers;
using Berth.Engine.Volumes;

namespace Berth.Cli.Commands.Volume;

/// <summary>
/// `volume ls [-q] [--filter dangling=true|false|name=SUBSTRING|label=K[=V]|driver=local] [--format table|json|TEMPLATE]`.
/// A template replaces {{.Name}}, {{.Driver}}, {{.Mountpoint}}, {{.Labels}}, {{.Scope}} (and \t); "table TEMPLATE"
/// prints a header row too.
/// </summary>
internal static class ListCommand
{
    private static readonly Regex Field = new(@"\{\{\s*\.(\w+)\s*\}\}", RegexOptions.CultureInvariant);

    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "volume ls", new HashSet<string> { "q", "quiet" }, new HashSet<string> { "f", "filter", "format" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth volume ls\" takes no arguments");
        using var engine = EngineFactory.Open(global);
        var filters = args.GetAll("f", "filter").ToList();
        var volumes = engine.Volumes.List().Where(v => filters.All(f => Matches(engine, v, f))).ToList();
        string format = args.Get("format") ?? "table";
        if (args.Has("q", "quiet")) foreach (var v in volumes) Console.WriteLine(v.Name);
        else if (format == "table") Table.Print(["DRIVER", "VOLUME NAME"], volumes.Select(v => new[] { v.Driver, v.Name }).ToList());
        else if (format == "json") foreach (var v in volumes) Console.WriteLine(JsonSerializer.Serialize(Entry(engine, v), VolumeJsonContext.Line.VolumeListEntry));
        else PrintTemplate(engine, volumes, format);
        return 0;
    }

    private static void PrintTemplate(ContainerEngine engine, List<VolumeRecord> volumes, string format)
    {
        bool table = format.StartsWith("table ", StringComparison.Ordinal);
        string template = (table ? format[6..] : format).Replace("\\t", "\t").Replace("\\n", "\n");
        var probe = new VolumeListEntry();
        foreach (Match m in Field.Matches(template)) Value(probe, m.Groups[1].Value); // an unknown field fails even with no volumes
        if (table) Console.WriteLine(Field.Replace(template, m => m.Groups[1].Value.ToUpperInvariant() switch { "NAME" => "VOLUME NAME", var n => n }));
        foreach (var v in volumes)
        {
            var entry = Entry(engine, v);
            Console.WriteLine(Field.Replace(template, m => Value(entry, m.Groups[1].Value)));
        }
    }

    private static string Value(VolumeListEntry e, string field) => field switch
    {
        "Name" => e.Name, "Driver" => e.Driver, "Mountpoint" => e.Mountpoint, "Labels" => e.Labels, "Scope" => e.Scope,
        "Size" => e.Size, "Links" => e.Links, "Availability" => e.Availability, "Group" => e.Group, "Status" => e.Status,
        _ => throw new UsageException($"volume ls: template: can't evaluate field {field} (fields: Name, Driver, Mountpoint, Labels, Scope)"),
    };

    private static VolumeListEntry Entry(ContainerEngine engine, VolumeRecord v) => new()
    {
        Driver = v.Driver, Name = v.Name, Mountpoint = engine.Volumes.DataPath(v.Name), Scope = "local",
        Labels = string.Join(',', v.Labels.Select(l => $"{l.Key}={l.Value}")),
    };

    /// <summary>docker's volume filters: dangling (no container uses it), name (substring), label, driver.</summary>
    internal static bool Matches(ContainerEngine engine, VolumeRecord v, string filter)
    {
        int eq = filter.IndexOf('=');
        if (eq < 0) throw new UsageException($"volume ls: bad filter \"{filter}\" (use key=value)");
        string key = filter[..eq], value = filter[(eq + 1)..];
        return key switch
        {
            "dangling" => (engine.Volumes.Users(v.Name).Count == 0) == (value is "true" or "1"),
            "name" => v.Name.Contains(value, StringComparison.Ordinal),
            "label" => Image.ListCommand.HasLabel(v.Labels, value),
            "driver" => v.Driver == value,
            _ => throw new UsageException($"volume ls: unsupported filter \"{key}\" (supported: dangling, name, label, driver)"),
        };
    }
}
