using System.Runtime.InteropServices;
using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Engine.Interop;
using Berth.Engine.Monitor;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// The CLI attached to a container's monitor (run, start -a, attach): output frames to our stdout/stderr;
/// with -i our stdin goes to the container (its end is sent as 'C'); with -t our terminal is put in raw mode
/// (restored on every way out: return, exception, SIGTERM/SIGHUP), its size is sent at once and on SIGWINCH,
/// Ctrl-C travels as a byte to the container's pty, and the detach keys (Ctrl-P Ctrl-Q, or --detach-keys) detach.
/// Without -t, SIGINT and SIGTERM are forwarded to the container (docker's --sig-proxy; with --sig-proxy=false
/// they end the CLI only, which detaches).
/// </summary>
internal sealed unsafe class AttachedSession(ContainerEngine engine, string id, MonitorSession session, bool tty, bool stdin, AttachFlags flags)
{
    private volatile bool _detached;
    private volatile int _endedBySignal;

    /// <summary>The container's exit code; 0 after a detach; 125 when the monitor went away without one.</summary>
    public int Run()
    {
        var registrations = new List<PosixSignalRegistration>();
        RawTerminal? terminal = null;
        try
        {
            if (tty) terminal = new RawTerminal(session.Resize);
            else if (flags.SigProxy) ForwardSignals(registrations);
            else EndOnSignals(registrations);
            if (stdin) new Thread(PumpInput) { IsBackground = true, Name = "stdin→container" }.Start();
            using var stdout = Console.OpenStandardOutput();
            using var stderr = Console.OpenStandardError();
            int? code = session.Stream((stream, data) =>
            {
                var target = stream == 0 ? stdout : stderr;
                target.Write(data);
                target.Flush();
            });
            if (_endedBySignal != 0) return 128 + _endedBySignal;
            if (_detached) return 0;
            if (code is null) Console.Error.WriteLine("berth: lost the container's monitor before it reported an exit code");
            return code ?? 125;
        }
        finally
        {
            foreach (var r in registrations) r.Dispose();
            terminal?.Dispose();
        }
    }

    /// <summary>docker's "the input device is not a TTY": -i -t needs a terminal on stdin.</summary>
    public static void RequireTerminal(bool tty, bool interactive)
    {
        if (tty && interactive && Spawn.isatty(0) != 1) throw new EngineException("the input device is not a TTY: run without -t, or from a terminal", 1);
    }

    private void ForwardSignals(List<PosixSignalRegistration> registrations)
    {
        void Forward(PosixSignalContext context)
        {
            context.Cancel = true;
            string signal = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
            ThreadPool.QueueUserWorkItem(_ => ForwardSignal(engine.Paths, id, signal));
        }
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward));
    }

    /// <summary>--sig-proxy=false: SIGINT/SIGTERM end the CLI (exit 130/143, as when killed) and leave the container running.</summary>
    private void EndOnSignals(List<PosixSignalRegistration> registrations)
    {
        void End(PosixSignalContext context)
        {
            context.Cancel = true;
            _endedBySignal = context.Signal == PosixSignal.SIGINT ? 2 : 15;
            session.Detach();
        }
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, End));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, End));
    }

    /// <summary>Signal forwarding opens its own engine: the database connection is not shared across threads.</summary>
    private static void ForwardSignal(EnginePaths paths, string id, string signal)
    {
        try
        {
            using var engine = new ContainerEngine(new EngineOptions { Paths = paths, SelfCommand = EngineFactory.SelfCommand() });
            engine.Kill(id, signal);
        }
        catch (Berth.Oci.BerthException)
        {
        }
    }

    /// <summary>Our stdin → 'I' frames; its end → 'C'. With -t, the detach keys detach instead of being sent.</summary>
    private void PumpInput()
    {
        byte[] buffer = new byte[8192];
        var detector = new DetachKeys(flags.DetachSequence);
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = Spawn.read(0, p, buffer.Length);
            if (n < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
            if (n <= 0)
            {
                session.CloseInput();
                return;
            }
            var data = buffer.AsSpan(0, (int)n);
            if (tty)
            {
                var (forward, detach) = detector.Filter(data);
                if (forward.Length > 0 && !session.SendInput(forward)) return;
                if (detach)
                {
                    _detached = true;
                    session.Detach();
                    return;
                }
            }
            else if (!session.SendInput(data)) return;
        }
    }
}

/// <summary>How an attached CLI may leave: --detach-keys (run, start, attach) and --sig-proxy (run, attach).</summary>
internal sealed record AttachFlags(byte[] DetachSequence, bool SigProxy)
{
    /// <summary>The flags as given, parsed once; a bad --detach-keys is a usage error before anything starts.</summary>
    public static AttachFlags From(CommandArgs args) =>
        new(Container.DetachKeys.Parse(args.Get("detach-keys") ?? Container.DetachKeys.Default), args.Get("sig-proxy") != "false");
}
