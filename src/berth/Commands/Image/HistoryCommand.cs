using Berth.Cli.Output;

namespace Berth.Cli.Commands.Image;

/// <summary>`image history [-q] [--no-trunc] IMAGE`: the config's build steps, newest first; a step that made a layer shows its size.</summary>
internal static class HistoryCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "image history", new HashSet<string> { "q", "quiet", "no-trunc", "H", "human" }, new HashSet<string>());
        args.RequirePositional(1, "image history", "IMAGE");
        var store = global.OpenStore();
        var image = store.Get(args.Positional[0]);
        var config = store.ReadConfig(image);
        var steps = config.History ?? [];
        var rows = new List<string[]>();
        int layer = 0;
        foreach (var step in steps)
        {
            long size = step.EmptyLayer == true || layer >= image.Layers.Count ? 0 : image.Layers[layer++].Size;
            string createdBy = step.CreatedBy ?? "";
            if (!args.Has("no-trunc") && createdBy.Length > 45) createdBy = createdBy[..44] + "…";
            rows.Add(["<missing>", Units.Ago(step.Created), createdBy, Units.HumanSize(size), step.Comment ?? ""]);
        }
        rows.Reverse();
        if (rows.Count > 0) rows[0][0] = args.Has("no-trunc") ? image.Id : image.Id[7..19];
        if (args.Has("q", "quiet")) Console.WriteLine(image.Id[7..19]);
        else Table.Print(["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"], rows);
        return 0;
    }
}
