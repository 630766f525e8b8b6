using Berth.Engine.Containers;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `start [-a] [-i] [--detach-keys KEYS] CONTAINER...`: starts each; with -a (one container) streams its output (and with -i sends
/// our stdin) and exits with its code. A container that runs already is attached to, as docker does.
/// </summary>
internal static class StartCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "start", new HashSet<string> { "a", "attach", "i", "interactive" }, new HashSet<string> { "detach-keys" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth start\" requires at least 1 argument; usage: berth start [-a] [-i] CONTAINER...");
        bool interactive = args.Has("i", "interactive");
        bool attach = args.Has("a", "attach") || interactive;
        var attachFlags = AttachFlags.From(args);
        if (attach && args.Positional.Count > 1) throw new UsageException("start: you cannot start and attach multiple containers at once");
        using var engine = EngineFactory.Open(global);
        foreach (string name in args.Positional)
        {
            var c = engine.Get(name);
            var options = ContainerEngine.ConfigOf(c).Options;
            if (attach) AttachedSession.RequireTerminal(options.Tty, interactive && options.Interactive);
            if (attach && c.IsRunning)
            {
                using var running = engine.Attach(c.Id, out _);
                return RunCommand.Attach(engine, c.Id, running, options, interactive, attachFlags);
            }
            using var session = engine.Start(c.Id, attach, attach ? RunCommand.TerminalSize(options.Tty) : null);
            if (attach) return RunCommand.Attach(engine, c.Id, session, options, interactive, attachFlags);
            Console.WriteLine(name);
        }
        return 0;
    }
}
