using Berth.Engine.Containers;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `attach [--no-stdin] [--detach-keys KEYS] [--sig-proxy=false] CONTAINER`: connects to the running container's
/// monitor (its attach socket): output from now on, our stdin when the container was created with -i, the
/// terminal with -t (the detach keys detach); exits with the container's code when it exits.
/// </summary>
internal static class AttachCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "attach", new HashSet<string> { "no-stdin", "sig-proxy" }, new HashSet<string> { "detach-keys" });
        args.RequirePositional(1, "attach", "[--no-stdin] [--detach-keys KEYS] [--sig-proxy=false] CONTAINER");
        var attachFlags = AttachFlags.From(args);
        bool stdin = !args.Has("no-stdin");
        using var engine = EngineFactory.Open(global);
        var c = engine.Get(args.Positional[0]);
        var options = ContainerEngine.ConfigOf(c).Options;
        AttachedSession.RequireTerminal(options.Tty, stdin && options.Interactive);
        using var session = engine.Attach(c.Id, out _);
        return RunCommand.Attach(engine, c.Id, session, options, stdin, attachFlags);
    }
}
