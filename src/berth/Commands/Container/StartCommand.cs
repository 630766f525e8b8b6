namespace Berth.Cli.Commands.Container;

/// <summary>`start [-a] CONTAINER...`: starts each; with -a (one container) streams its output and exits with its code.</summary>
internal static class StartCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "start", new HashSet<string> { "a", "attach" }, new HashSet<string>());
        if (args.Positional.Count == 0) throw new UsageException("\"berth start\" requires at least 1 argument; usage: berth start [-a] CONTAINER...");
        bool attach = args.Has("a", "attach");
        if (attach && args.Positional.Count > 1) throw new UsageException("start: you cannot start and attach multiple containers at once");
        using var engine = EngineFactory.Open(global);
        foreach (string name in args.Positional)
        {
            var c = engine.Get(name);
            using var session = engine.Start(c.Id, attach);
            if (attach) return RunCommand.Attach(engine, c.Id, session);
            Console.WriteLine(name);
        }
        return 0;
    }
}
