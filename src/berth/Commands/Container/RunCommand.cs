using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Oci;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `run [-d] [-i] [-t] [--rm] [--name N] [flags] IMAGE [COMMAND...]`: create + start. With -d it prints the id
/// and returns once the container runs; otherwise it stays attached (<see cref="AttachedSession"/>: output,
/// stdin with -i, the terminal with -t, SIGINT/SIGTERM forwarded without -t) until the monitor reports the
/// exit (after its cleanup) and exits with the container's code. Engine failures exit 125, a command that
/// cannot run 126, one that is not found 127 (docker's codes).
/// </summary>
internal static class RunCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        try
        {
            var (options, flags) = CreateFlags.Parse(argv, "run");
            var attachFlags = AttachFlags.From(flags);
            bool detach = flags.Has("d", "detach");
            if (!detach) AttachedSession.RequireTerminal(options.Tty, options.Interactive);
            options.StdinOnce = options.Interactive && !detach;
            using var engine = EngineFactory.Open(global);
            var record = await engine.CreateAsync(options, cancellationToken);
            using var session = engine.Start(record.Id, attach: !detach, TerminalSize(options.Tty));
            if (detach)
            {
                Console.WriteLine(record.Id);
                return 0;
            }
            return Attach(engine, record.Id, session, options, stdin: true, attachFlags);
        }
        catch (BerthException e)
        {
            Console.Error.WriteLine($"berth: {e.Message}");
            return e is EngineException engineError ? engineError.ExitCode : 125;
        }
    }

    /// <summary>With -t, the size of our terminal (stdout's, else stdin's), for the pty before the process starts.</summary>
    internal static (ushort, ushort)? TerminalSize(bool tty) =>
        tty && (Berth.Engine.Interop.Spawn.GetWindowSize(1, out ushort rows, out ushort columns) || Berth.Engine.Interop.Spawn.GetWindowSize(0, out rows, out columns))
            ? (rows, columns) : null;

    /// <summary>Streams the container (see <see cref="AttachedSession"/>) until it exits or the user detaches; its exit code.</summary>
    internal static int Attach(ContainerEngine engine, string id, Berth.Engine.Monitor.MonitorSession session, Berth.Engine.Specs.CreateOptions options, bool stdin, AttachFlags flags) =>
        new AttachedSession(engine, id, session, options.Tty, stdin && options.Interactive, flags).Run();
}
