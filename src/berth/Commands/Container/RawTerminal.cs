using System.Runtime.InteropServices;
using Berth.Engine.Interop;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// Our terminal (fd 0) in raw mode (cfmakeraw(3): no echo, no line editing, no signals from Ctrl-C, so every
/// key goes to the container's pty) while attached with -t; restored on Dispose, and also when SIGTERM, SIGHUP
/// or SIGQUIT end the process. SIGWINCH calls <c>onResize</c> with the new size (and once at the start).
/// Nothing happens when stdin is not a terminal.
/// </summary>
internal sealed unsafe class RawTerminal : IDisposable
{
    private readonly byte[] _saved = new byte[Spawn.TermiosSize];
    private readonly List<PosixSignalRegistration> _registrations = [];
    private bool _raw;

    public RawTerminal(Action<ushort, ushort> onResize)
    {
        fixed (byte* saved = _saved)
        {
            if (Spawn.tcgetattr(0, saved) == 0)
            {
                byte* raw = stackalloc byte[Spawn.TermiosSize];
                Buffer.MemoryCopy(saved, raw, Spawn.TermiosSize, Spawn.TermiosSize);
                Spawn.cfmakeraw(raw);
                _raw = Spawn.tcsetattr(0, Spawn.TCSANOW, raw) == 0;
            }
        }
        void Resize()
        {
            if (Spawn.GetWindowSize(1, out ushort rows, out ushort columns) || Spawn.GetWindowSize(0, out rows, out columns)) onResize(rows, columns);
        }
        Resize();
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Resize()));
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, _ => Restore()));
        }
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        Restore();
    }

    private void Restore()
    {
        lock (_saved)
        {
            if (!_raw) return;
            fixed (byte* saved = _saved) Spawn.tcsetattr(0, Spawn.TCSANOW, saved);
            _raw = false;
        }
    }
}
