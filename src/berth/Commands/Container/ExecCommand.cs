using System.Runtime.InteropServices;
using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Engine.Interop;
using Berth.Engine.Processes;
using Berth.Engine.Specs;
using Berth.Oci;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `exec [-d] [-i] [-t] [-e K=V] [--env-file F] [-u USER] [-w DIR] [--privileged] CONTAINER COMMAND [ARG...]`: one more
/// process in a running container, through its OCI runtime (<see cref="ExecProcess"/>). Exits with the
/// process's code; 126/127 when it cannot be executed / is not found, 125 for other engine errors, 1 when the
/// container does not run (docker's codes). With -t our terminal goes raw and is relayed to the pty.
/// </summary>
internal static unsafe class ExecCommand
{
    private static readonly HashSet<string> Booleans = ["d", "detach", "i", "interactive", "t", "tty", "privileged"];
    private static readonly HashSet<string> Valued = ["e", "env", "u", "user", "w", "workdir", "env-file", "detach-keys"];

    internal static int Execute(GlobalOptions global, string[] argv)
    {
        try
        {
            var (container, o) = Parse(argv);
            if (!o.Detach) AttachedSession.RequireTerminal(o.Tty, o.Interactive);
            o.ConsoleSize = RunCommand.TerminalSize(o.Tty && !o.Detach);
            using var engine = EngineFactory.Open(global);
            using var exec = engine.PrepareExec(container, o);
            return o.Detach ? RunDetached(exec) : exec.Tty ? RunWithTerminal(exec, o.Interactive) : RunPlain(exec, o.Interactive);
        }
        catch (BerthException e) when (e is not UsageException)
        {
            Console.Error.WriteLine($"berth: {e.Message}");
            // docker exec of an unknown container exits 1, like its other commands (only run/create say 125).
            return e is ContainerNotFoundException ? 1 : e is EngineException engineError ? engineError.ExitCode : 125;
        }
    }

    /// <summary>Flags end at the container name: everything after it is the command.</summary>
    internal static (string Container, ExecOptions Options) Parse(string[] argv)
    {
        int first = 0;
        while (first < argv.Length && argv[first].StartsWith('-') && argv[first] != "--")
        {
            string name = argv[first].TrimStart('-');
            first += !name.Contains('=') && Valued.Contains(name) ? 2 : 1;
        }
        if (first < argv.Length && argv[first] == "--") first++;
        var flags = CommandArgs.Parse(argv[..Math.Min(first, argv.Length)], "exec", Booleans, Valued);
        if (argv.Length - first < 2) throw new UsageException("\"berth exec\" requires at least 2 arguments; usage: berth exec [OPTIONS] CONTAINER COMMAND [ARG...]");
        if (flags.Get("detach-keys") is not null)
        {
            throw new UsageException("exec: --detach-keys is not supported: an exec'd process has no monitor to keep its terminal, so it cannot outlive the CLI (use 'berth run -d' and 'berth attach' for a process to detach from)");
        }
        var o = new ExecOptions
        {
            Cmd = [.. argv[(first + 1)..]],
            // docker's order: the files' variables first, then -e (a later KEY wins).
            Env = [.. flags.GetAll("env-file").SelectMany(f => KeyValueFile.Read(f, "env file", Environment.GetEnvironmentVariable)), .. flags.GetAll("e", "env")],
            User = flags.Get("u", "user"),
            WorkingDir = flags.Get("w", "workdir"), Tty = flags.Has("t", "tty"), Interactive = flags.Has("i", "interactive"),
            Detach = flags.Has("d", "detach"), Privileged = flags.Has("privileged"),
        };
        return (argv[first], o);
    }

    private static int RunDetached(ExecProcess exec)
    {
        int devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        try
        {
            return exec.Wait(exec.Start(devNull, devNull, devNull));
        }
        finally
        {
            Spawn.close(devNull);
        }
    }

    /// <summary>The runtime gets our stdout and stderr (and stdin with -i); SIGTERM to us goes on to it (it forwards to the process).</summary>
    private static int RunPlain(ExecProcess exec, bool interactive)
    {
        int devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        int pid;
        try
        {
            pid = exec.Start(interactive ? 0 : devNull, 1, 2);
        }
        finally
        {
            Spawn.close(devNull);
        }
        // SIGINT from the terminal reaches the runtime too (same process group); we just must not die first.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Spawn.kill(pid, 15);
        });
        try
        {
            return exec.Wait(pid);
        }
        catch (EngineException e)
        {
            // The runtime (berth-runtime, runc, crun) printed its error on the stderr it shares with us: one line is enough.
            return e.ExitCode;
        }
    }

    /// <summary>
    /// Raw terminal; our stdin → pty master (with -i), master → our stdout until the process and its children
    /// close their side (EIO); then the process's exit code. The runtime runs detached (see <see cref="ExecProcess"/>):
    /// as child subreaper we inherit the process when the runtime exits and wait for it ourselves.
    /// </summary>
    private static int RunWithTerminal(ExecProcess exec, bool interactive)
    {
        Spawn.prctl(Spawn.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        int devNull = Spawn.open("/dev/null", Spawn.O_RDWR | Spawn.O_CLOEXEC, 0);
        int runtimePid;
        try
        {
            runtimePid = exec.Start(devNull, devNull, devNull);
        }
        finally
        {
            Spawn.close(devNull);
        }
        int master = exec.AcceptTerminal(runtimePid, out int? early);
        if (master < 0) return exec.ExitCode(early ?? 0);
        try
        {
            int runtimeCode = exec.Wait(runtimePid);
            if (runtimeCode != 0) return runtimeCode;
            int pid = exec.ProcessPid();
            using (new RawTerminal((rows, columns) => Spawn.SetWindowSize(master, rows, columns)))
            {
                if (interactive) new Thread(() => Copy(0, master)) { IsBackground = true, Name = "stdin→pty" }.Start();
                Copy(master, 1);
            }
            return ExitStatus.ToExitCode(ProcessSpawner.Wait(pid));
        }
        finally
        {
            Spawn.close(master);
        }
    }

    private static void Copy(int from, int to)
    {
        byte[] buffer = new byte[8192];
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = Spawn.read(from, p, buffer.Length);
            if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (n <= 0) return;
            for (nint done = 0; done < n;)
            {
                nint w;
                fixed (byte* p = buffer) w = Spawn.write(to, p + done, n - done);
                if (w < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (w <= 0) return;
                done += w;
            }
        }
    }
}
