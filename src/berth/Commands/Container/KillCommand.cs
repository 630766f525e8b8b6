namespace Berth.Cli.Commands.Container;

/// <summary>`kill [-s SIGNAL] CONTAINER...`: one signal (SIGKILL by default) through the OCI runtime.</summary>
internal static class KillCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "kill", new HashSet<string>(), new HashSet<string> { "s", "signal" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth kill\" requires at least 1 argument; usage: berth kill [-s SIGNAL] CONTAINER...");
        string signal = args.Get("s", "signal") ?? "SIGKILL";
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Kill(name, signal);
            Console.WriteLine(name);
        });
    }
}
