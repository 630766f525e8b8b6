namespace Berth.Cli.Commands.Container;

/// <summary>`pause CONTAINER...` / `unpause CONTAINER...`: freeze or thaw every process of each container.</summary>
internal static class PauseCommand
{
    internal static int Execute(GlobalOptions global, string[] argv, bool pause)
    {
        string command = pause ? "pause" : "unpause";
        var args = CommandArgs.Parse(argv, command, new HashSet<string>(), new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException($"\"berth {command}\" requires at least 1 argument; usage: berth {command} CONTAINER...");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            if (pause) engine.Pause(name);
            else engine.Unpause(name);
            Console.WriteLine(name);
        });
    }
}
