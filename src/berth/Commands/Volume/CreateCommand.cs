using Berth.Cli.Commands.Container;

namespace Berth.Cli.Commands.Volume;

/// <summary>`volume create [NAME] [--name NAME] [-d local] [--label K=V] [-o K=V]`: prints the volume's name.</summary>
internal static class CreateCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "volume create", new HashSet<string>(), new HashSet<string> { "name", "d", "driver", "label", "o", "opt" });
        if (args.Positional.Count > 1) throw new UsageException("\"berth volume create\" takes at most 1 argument; usage: berth volume create [OPTIONS] [VOLUME]");
        string? name = args.Positional.Count == 1 ? args.Positional[0] : args.Get("name");
        if (args.Positional.Count == 1 && args.Get("name") is { } flag && flag != name) throw new UsageException($"conflicting options: either specify --name or provide positional arg, not both");
        using var engine = EngineFactory.Open(global);
        var volume = engine.Volumes.Create(name, args.Get("d", "driver"), VolumeCommands.Pairs(args.GetAll("label")), VolumeCommands.Pairs(args.GetAll("o", "opt")));
        Console.WriteLine(volume.Name);
        return 0;
    }
}
