using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Cli.Output;
using Berth.Cli.Commands;

namespace Berth.Cli.Commands.Image;

/// <summary>`images` / `image ls [-a] [-q] [--digests] [--no-trunc] [--format table|json|TEMPLATE] [-f dangling=true|false] [-f reference=PATTERN] [-f label=K[=V]] [-f before=IMAGE] [-f since=IMAGE]`.</summary>
internal static class ListCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "images", new HashSet<string> { "q", "quiet", "a", "all", "digests", "no-trunc" }, new HashSet<string> { "format", "filter", "f" });
        if (args.Positional.Count > 1) throw new UsageException("images: at most one argument (a repository name pattern)");
        var filters = args.GetAll("filter", "f").ToList();
        if (args.Positional.Count == 1) filters.Add("reference=" + args.Positional[0]);
        var store = global.OpenStore();
        var rows = store.List().OrderByDescending(i => i.Created ?? i.Pulled)
            .SelectMany(ImageRow.For).Where(r => filters.All(f => Matches(r, f, store))).ToList();
        bool noTrunc = args.Has("no-trunc");
        string Id(ImageRow r) => noTrunc ? r.Image.Id : r.ShortId;
        string format = args.Get("format") ?? "table";
        if (args.Has("q", "quiet")) foreach (string id in rows.Select(Id).Distinct()) Console.WriteLine(id);
        else if (format == "json") foreach (var row in rows) Console.WriteLine(JsonSerializer.Serialize(Entry(row, Id(row)), CliLineJsonContext.Relaxed.ImageListEntry));
        else if (format == "table") PrintTable(rows, args.Has("digests"), Id);
        else PrintTemplate(format, rows, Id);
        return 0;
    }

    private static void PrintTable(List<ImageRow> rows, bool digests, Func<ImageRow, string> id)
    {
        string[] header = digests ? ["REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE"] : ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"];
        Table.Print(header, rows.Select(r => digests
            ? new[] { r.Repository, r.Tag, r.Digest, id(r), Units.Ago(r.Image.Created), Units.HumanSize(r.Image.Size) }
            : new[] { r.Repository, r.Tag, id(r), Units.Ago(r.Image.Created), Units.HumanSize(r.Image.Size) }).ToList());
    }

    /// <summary>--format TEMPLATE: docker's Go-template subset (<see cref="GoTemplate"/>), shared with ps and stats.</summary>
    private static void PrintTemplate(string format, List<ImageRow> rows, Func<ImageRow, string> id)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Repository"] = "REPOSITORY", ["Tag"] = "TAG", ["Digest"] = "DIGEST", ["ID"] = "IMAGE ID", ["CreatedSince"] = "CREATED",
            ["CreatedAt"] = "CREATED AT", ["Size"] = "SIZE", ["Containers"] = "CONTAINERS",
        };
        FormattedOutput.Print(format, "", titles, rows.Select(r =>
        {
            var e = Entry(r, id(r));
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Repository"] = e.Repository, ["Tag"] = e.Tag, ["Digest"] = e.Digest, ["ID"] = e.ID, ["CreatedSince"] = e.CreatedSince,
                ["CreatedAt"] = e.CreatedAt, ["Size"] = e.Size, ["Containers"] = e.Containers,
            };
            return new TemplateRow(fields, () => JsonSerializer.Serialize(e, CliLineJsonContext.Relaxed.ImageListEntry));
        }).ToList());
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

    /// <summary>
    /// docker's image filters: dangling=true|false, reference=GLOB, label=KEY or label=KEY=VALUE (from the
    /// image config), before=IMAGE and since=IMAGE (created before / after that image).
    /// </summary>
    internal static bool Matches(ImageRow row, string filter, Berth.Images.Content.ImageStore? store = null)
    {
        int eq = filter.IndexOf('=');
        if (eq < 0) throw new UsageException($"images: bad filter \"{filter}\" (use key=value)");
        string key = filter[..eq], value = filter[(eq + 1)..];
        return key switch
        {
            "dangling" => (row.Image.Names.Count == 0) == (value is "true" or "1"),
            "reference" => Glob(value).IsMatch(row.Repository + ":" + row.Tag) || Glob(value).IsMatch(row.Repository),
            "label" => HasLabel(RequireStore(store, key).ReadConfig(row.Image).Config?.Labels, value),
            "before" => row.Image.Created < CreatedOf(RequireStore(store, key), value),
            "since" => row.Image.Created > CreatedOf(RequireStore(store, key), value),
            _ => throw new UsageException($"images: unsupported filter \"{key}\" (supported: dangling, reference, label, before, since)"),
        };
    }

    /// <summary>"KEY" matches any value; "KEY=VALUE" that value.</summary>
    internal static bool HasLabel(IReadOnlyDictionary<string, string>? labels, string filter)
    {
        int eq = filter.IndexOf('=');
        if (labels is null) return false;
        return eq < 0 ? labels.ContainsKey(filter) : labels.TryGetValue(filter[..eq], out string? v) && v == filter[(eq + 1)..];
    }

    private static Berth.Images.Content.ImageStore RequireStore(Berth.Images.Content.ImageStore? store, string key) =>
        store ?? throw new UsageException($"images: the {key} filter needs the image store");

    private static DateTimeOffset? CreatedOf(Berth.Images.Content.ImageStore store, string image) =>
        (store.Find(image) ?? throw new UsageException($"images: no such image \"{image}\" (in a before/since filter)")).Created;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$", RegexOptions.CultureInvariant);
}
