namespace Berth.Cli.Commands.Container;

/// <summary>`wait CONTAINER...`: blocks until each has stopped and prints its exit code.</summary>
internal static class WaitCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "wait", new HashSet<string>(), new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth wait\" requires at least 1 argument; usage: berth wait CONTAINER...");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name => Console.WriteLine(engine.Wait(name)));
    }
}
