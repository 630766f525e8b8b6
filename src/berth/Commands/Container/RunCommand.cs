using System.Runtime.InteropServices;
using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Oci;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `run [-d] [--rm] [--name N] [flags] IMAGE [COMMAND...]`: create + start. With -d it prints the id and
/// returns once the container runs; otherwise it streams the container's output from its monitor, forwards
/// SIGINT/SIGTERM to it, waits for the monitor's cleanup and exits with the container's code. Engine
/// failures exit 125, a command that cannot run 126, one that is not found 127 (docker's codes).
/// </summary>
internal static class RunCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        try
        {
            var (options, flags) = CreateFlags.Parse(argv, "run");
            using var engine = EngineFactory.Open(global);
            var record = await engine.CreateAsync(options, cancellationToken);
            bool detach = flags.Has("d", "detach");
            using var session = engine.Start(record.Id, attach: !detach);
            if (detach)
            {
                Console.WriteLine(record.Id);
                return 0;
            }
            return Attach(engine, record.Id, session);
        }
        catch (BerthException e)
        {
            Console.Error.WriteLine($"berth: {e.Message}");
            return e is EngineException engineError ? engineError.ExitCode : 125;
        }
    }

    /// <summary>Copies output until the exit frame, then waits for the monitor (cleanup and --rm done).</summary>
    internal static int Attach(ContainerEngine engine, string id, Berth.Engine.Monitor.MonitorSession session)
    {
        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        void Forward(PosixSignalContext context)
        {
            context.Cancel = true;
            string signal = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
            ThreadPool.QueueUserWorkItem(_ => ForwardSignal(engine.Paths, id, signal));
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
        int? code = session.Stream((stream, data) =>
        {
            var target = stream == 0 ? stdout : stderr;
            target.Write(data);
            target.Flush();
        });
        session.WaitForMonitorExit();
        if (code is null) Console.Error.WriteLine("berth: lost the container's monitor before it reported an exit code");
        return code ?? 125;
    }

    /// <summary>Signal forwarding opens its own engine: the database connection is not shared across threads.</summary>
    private static void ForwardSignal(EnginePaths paths, string id, string signal)
    {
        try
        {
            using var engine = new ContainerEngine(new EngineOptions { Paths = paths, SelfCommand = EngineFactory.SelfCommand() });
            engine.Kill(id, signal);
        }
        catch (BerthException)
        {
        }
    }
}
