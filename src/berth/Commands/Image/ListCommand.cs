using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Cli.Output;
using Berth.Cli.Commands;

namespace Berth.Cli.Commands.Image;

/// <summary>`images` / `image ls [-a] [-q] [--digests] [--no-trunc] [--format table|json] [-f dangling=true|false] [-f reference=PATTERN]`.</summary>
internal static class ListCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "images", new HashSet<string> { "q", "quiet", "a", "all", "digests", "no-trunc" }, new HashSet<string> { "format", "filter", "f" });
        if (args.Positional.Count > 1) throw new UsageException("images: at most one argument (a repository name pattern)");
        var filters = args.GetAll("filter", "f").ToList();
        if (args.Positional.Count == 1) filters.Add("reference=" + args.Positional[0]);
        var rows = global.OpenStore().List().OrderByDescending(i => i.Created ?? i.Pulled)
            .SelectMany(ImageRow.For).Where(r => filters.All(f => Matches(r, f))).ToList();
        bool noTrunc = args.Has("no-trunc");
        string Id(ImageRow r) => noTrunc ? r.Image.Id : r.ShortId;
        string format = args.Get("format") ?? "table";
        if (args.Has("q", "quiet")) foreach (string id in rows.Select(Id).Distinct()) Console.WriteLine(id);
        else if (format == "json") foreach (var row in rows) Console.WriteLine(JsonSerializer.Serialize(Entry(row, Id(row)), CliLineJsonContext.Relaxed.ImageListEntry));
        else if (format == "table") PrintTable(rows, args.Has("digests"), Id);
        else throw new UsageException($"images: invalid --format '{format}' (use table or json)");
        return 0;
    }

    private static void PrintTable(List<ImageRow> rows, bool digests, Func<ImageRow, string> id)
    {
        string[] header = digests ? ["REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE"] : ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"];
        Table.Print(header, rows.Select(r => digests
            ? new[] { r.Repository, r.Tag, r.Digest, id(r), Units.Ago(r.Image.Created), Units.HumanSize(r.Image.Size) }
            : new[] { r.Repository, r.Tag, id(r), Units.Ago(r.Image.Created), Units.HumanSize(r.Image.Size) }).ToList());
    }

    private static ImageListEntry Entry(ImageRow r, string id) => new()
    {
        CreatedAt = r.Image.Created?.ToString("yyyy-MM-dd HH:mm:ss zzz") ?? "",
        CreatedSince = Units.Ago(r.Image.Created),
        Digest = r.Digest,
        ID = id,
        Repository = r.Repository,
        Tag = r.Tag,
        Size = Units.HumanSize(r.Image.Size),
    };

    /// <summary>Filters docker supports that make sense without containers: dangling=true|false, reference=GLOB.</summary>
    internal static bool Matches(ImageRow row, string filter)
    {
        int eq = filter.IndexOf('=');
        if (eq < 0) throw new UsageException($"images: bad filter \"{filter}\" (use key=value)");
        string key = filter[..eq], value = filter[(eq + 1)..];
        return key switch
        {
            "dangling" => (row.Image.Names.Count == 0) == (value is "true" or "1"),
            "reference" => Glob(value).IsMatch(row.Repository + ":" + row.Tag) || Glob(value).IsMatch(row.Repository),
            _ => throw new UsageException($"images: unsupported filter \"{key}\" (supported: dangling, reference)"),
        };
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$", RegexOptions.CultureInvariant);
}
