using System.Runtime.InteropServices;
using Berth.Runtime.Interop;
using Berth.Runtime.State;
using Berth.Runtime.Terminal;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    private static readonly int[] ForwardedSignals = [1, 2, 3, 15, 10, 12]; // HUP INT QUIT TERM USR1 USR2

    /// <summary>
    /// `run`: create + start, then (unless --detach) forward signals to the container, wait for it, delete
    /// it, and return its exit code (128 + signal when it was killed), as runc does.
    /// </summary>
    public static int Run(StateStore store, CreateOptions options, bool detach)
    {
        int consoleEnd = -1;
        options.StartAtOnce = true;
        if (!detach && options.ConsoleSocket is null)
        {
            var (mine, theirs) = SocketPair();
            consoleEnd = mine;
            options.ConsoleSocketFd = theirs;
        }
        Container container;
        try
        {
            container = Create(store, options);
        }
        finally
        {
            if (options.ConsoleSocketFd >= 0) Sys.Close(options.ConsoleSocketFd);
        }
        using var proxy = consoleEnd >= 0 && container.HasTerminal() ? new TerminalProxy(FdPassing.Receive(consoleEnd)) : null;
        if (consoleEnd >= 0) Sys.Close(consoleEnd);
        if (container.StartedAtCreate) container.RunPoststart();
        else container.Start();
        if (detach) return 0;
        int status = WaitWithForwarding(container.State.Pid);
        container.State.Stopped = true;
        proxy?.Finish();
        container.Delete(force: true);
        return Sys.ExitCode(status);
    }

    /// <summary>Waits for our child <paramref name="pid"/>, passing HUP, INT, QUIT, TERM, USR1 and USR2 on to it.</summary>
    private static int WaitWithForwarding(int pid)
    {
        var registrations = ForwardedSignals
            .Select(sig => PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
            {
                ctx.Cancel = true;
                Sys.Kill(pid, sig);
            }))
            .ToList();
        try
        {
            Sys.WaitPid(pid, 0, out int status);
            return status;
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
        }
    }

    private bool HasTerminal() => SavedSpec()?.Process?.Terminal == true;

    private static (int Mine, int Theirs) SocketPair() => Sys.SocketPair(1 /* SOCK_STREAM */, "socketpair for the console");
}
