using System.Globalization;
using System.Text.Json;
using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Engine.Disk;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>`system df [-v] [--format json]`: docker's TYPE TOTAL ACTIVE SIZE RECLAIMABLE table, sizes measured on disk now.</summary>
internal static class DiskUsageCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "system df", new HashSet<string> { "v", "verbose" }, new HashSet<string> { "format" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth system df\" accepts no arguments");
        string format = args.Get("format") ?? "table";
        if (format is not ("table" or "json")) throw new UsageException($"system df: invalid --format '{format}' (use table or json)");
        using var engine = EngineFactory.Open(global);
        var usage = engine.DiskUsage();
        if (format == "json") foreach (var row in Summary(usage)) Console.WriteLine(JsonSerializer.Serialize(row, SystemJsonContext.Default.DiskUsageEntry));
        else if (args.Has("v", "verbose")) PrintVerbose(usage);
        else Table.Print(["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"], Summary(usage).Select(r => new[] { r.Type, r.TotalCount, r.Active, r.Size, r.Reclaimable }).ToList());
        return 0;
    }

    internal static List<DiskUsageEntry> Summary(DiskUsage u) =>
    [
        Entry("Images", u.Images.Count, u.ActiveImages, u.LayersSize, Reclaimable(u.ImagesReclaimable, u.LayersSize)),
        Entry("Containers", u.Containers.Count, u.ActiveContainers, u.ContainersSize, Reclaimable(u.ContainersReclaimable, u.ContainersSize)),
        Entry("Local Volumes", u.Volumes, u.ActiveVolumes, u.VolumesSize, Reclaimable(u.VolumesReclaimable, u.VolumesSize)),
        Entry("Build Cache", 0, 0, 0, Units.HumanSize(0)),
    ];

    /// <summary>docker: "1.2MB (40%)" (percent truncated) when the total is not zero, else just the size.</summary>
    internal static string Reclaimable(long reclaimable, long total) =>
        total > 0 ? $"{Units.HumanSize(reclaimable)} ({reclaimable * 100 / total}%)" : Units.HumanSize(reclaimable);

    private static DiskUsageEntry Entry(string type, int total, int active, long size, string reclaimable) => new()
    {
        Type = type, TotalCount = total.ToString(CultureInfo.InvariantCulture), Active = active.ToString(CultureInfo.InvariantCulture),
        Size = Units.HumanSize(size), Reclaimable = reclaimable,
    };

    private static void PrintVerbose(DiskUsage u)
    {
        Console.WriteLine("Images space usage:\n");
        Table.Print(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"],
            u.Images.SelectMany(i => Names(i).Select(n => new[]
            {
                n.Repository, n.Tag, i.Id[7..19], Units.Ago(i.Created), Units.HumanSize(i.Size), Units.HumanSize(i.SharedSize),
                Units.HumanSize(i.UniqueSize), i.Containers.ToString(CultureInfo.InvariantCulture),
            })).ToList());
        Console.WriteLine("\nContainers space usage:\n");
        Table.Print(["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS", "NAMES"],
            u.Containers.Select(c => new[]
            {
                c.Container.ShortId, c.Container.Image, Command(c), LocalVolumes(u, c), Units.HumanSize(c.Size), Units.Ago(c.Container.Created), PsCommand.Status(c.Container), c.Container.Name,
            }).ToList());
        Console.WriteLine("\nLocal Volumes space usage:\n");
        Table.Print(["VOLUME NAME", "LINKS", "SIZE"],
            u.VolumeUsages.Select(v => new[] { v.Volume.Name, v.Links.ToString(CultureInfo.InvariantCulture), Units.HumanSize(v.Size) }).ToList());
        Console.WriteLine($"\nBuild cache usage: {Units.HumanSize(0)}\n");
        Table.Print(["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"], []);
    }

    private static string LocalVolumes(DiskUsage u, ContainerUsage c) =>
        u.VolumeUsages.Count(v => v.Containers.Contains(c.Container.Id)).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(string Repository, string Tag)> Names(ImageUsage i) =>
        i.Names.Count == 0 ? [("<none>", "<none>")]
        : i.Names.Select(n => ImageReference.TryParse(n, out var r) ? (r!.FamiliarName, r.Tag ?? "<none>") : (n, "<none>"));

    private static string Command(ContainerUsage c)
    {
        var config = Berth.Engine.Containers.ContainerEngine.ConfigOf(c.Container);
        string command = string.Join(' ', config.Entrypoint.Concat(config.Cmd));
        return $"\"{(command.Length > 20 ? command[..19] + "…" : command)}\"";
    }
}
