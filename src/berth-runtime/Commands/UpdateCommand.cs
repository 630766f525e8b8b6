using Berth.Oci;
using Berth.Oci.Spec;
using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`update [--resources FILE|-] [--memory N] [--cpu-shares N] [--pids-limit N] ... ID`</summary>
internal static class UpdateCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var valued = new HashSet<string>(UpdateFlags.Names) { "resources", "r" };
        var args = CommandArgs.Parse(argv, "update", new HashSet<string>(), valued);
        string id = CommandHelpers.RequireId(args, "update");
        Resources resources = ReadResources(args.Get("resources") ?? args.Get("r"));
        UpdateFlags.Apply(resources, args.Get);
        Container.Load(CommandHelpers.Store(global), id).Update(resources);
        return 0;
    }

    /// <summary>The linux.resources object from a file or stdin ("-"), or an empty one.</summary>
    private static Resources ReadResources(string? source)
    {
        if (source is null) return new Resources();
        string text, name;
        if (source == "-")
        {
            text = Console.In.ReadToEnd();
            name = "stdin";
        }
        else
        {
            name = Path.GetFullPath(source);
            if (!File.Exists(name)) throw new BerthException($"update --resources {name}: no such file");
            text = File.ReadAllText(name);
        }
        return SpecLoader.ParseResources(text, $"update --resources {name}");
    }
}
