using Berth.Engine.Containers;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `start [-a] [-i] [--detach-keys KEYS] CONTAINER...`: starts each; with -a (one container) streams its output
/// (and with -i sends our stdin) and exits with its code. A container that runs already is attached to, as
/// docker does. `start --all [--filter K=V]...` (podman's): every stopped container the filters match (ps's
/// filters and restart-policy=), as the boot unit contrib/systemd/berth-restart.service does for
/// `--restart always` and `unless-stopped` containers.
/// </summary>
internal static class StartCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "start", new HashSet<string> { "a", "attach", "i", "interactive", "all" }, new HashSet<string> { "detach-keys", "filter", "f" });
        bool all = args.Has("all");
        if (all ? args.Positional.Count > 0 : args.Positional.Count == 0)
        {
            throw new UsageException("\"berth start\" requires at least 1 argument, or --all without any; usage: berth start [-a] [-i] CONTAINER... | berth start --all [--filter K=V]...");
        }
        if (!all && args.Get("filter", "f") is not null) throw new UsageException("start: --filter needs --all");
        bool interactive = args.Has("i", "interactive");
        bool attach = args.Has("a", "attach") || interactive;
        if (attach && (all || args.Positional.Count > 1)) throw new UsageException("start: you cannot start and attach multiple containers at once");
        var attachFlags = AttachFlags.From(args);
        using var engine = EngineFactory.Open(global);
        if (all) return StartAll(engine, ContainerFilter.Parse(args.GetAll("filter", "f")));
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

    /// <summary>Each stopped container the filter matches, oldest first; one that fails is reported and the rest go on (exit 1 then).</summary>
    private static int StartAll(ContainerEngine engine, ContainerFilter filter)
    {
        var chosen = engine.List(all: true)
            .Where(c => !c.IsRunning && filter.Matches(c, PsCommand.Labels(c), id => engine.Store.Find(id), image => engine.Images.Find(image)?.Id))
            .Reverse().Select(c => c.Name).ToList();
        return ContainerLoop.ForEach(chosen, name =>
        {
            using var session = engine.Start(name, attach: false, null);
            Console.WriteLine(name);
        });
    }
}
