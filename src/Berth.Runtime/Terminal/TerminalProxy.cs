using Berth.Runtime.Interop;

namespace Berth.Runtime.Terminal;

/// <summary>
/// `run` with process.terminal and no --console-socket: the runtime is the console, as runc is. The host
/// terminal goes raw, bytes are copied stdin → pty master → stdout, and window size follows SIGWINCH.
/// </summary>
internal sealed unsafe class TerminalProxy : IDisposable
{
    private const int TCSANOW = 0;
    private const ulong TIOCGWINSZ = 0x5413;
    private readonly int _master;
    private readonly byte[] _savedTermios = new byte[64];
    private readonly bool _stdinIsTty;
    private readonly Thread _output;
    private System.Runtime.InteropServices.PosixSignalRegistration? _winch;

    internal TerminalProxy(int master)
    {
        _master = master;
        fixed (byte* t = _savedTermios)
        {
            _stdinIsTty = Libc.tcgetattr(0, t) == 0;
        }
        if (_stdinIsTty)
        {
            MakeRaw();
            CopyWindowSize();
            _winch = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGWINCH, _ => CopyWindowSize());
        }
        _output = new Thread(() => Copy(_master, 1)) { IsBackground = true, Name = "pty→stdout" };
        _output.Start();
        new Thread(() => Copy(0, _master)) { IsBackground = true, Name = "stdin→pty" }.Start();
    }

    /// <summary>After the container exits: let the output drain (the master reads EIO once every slave is closed).</summary>
    internal void Finish() => _output.Join(TimeSpan.FromSeconds(2));

    private void MakeRaw()
    {
        byte* raw = stackalloc byte[64];
        fixed (byte* saved = _savedTermios)
        {
            Buffer.MemoryCopy(saved, raw, 64, 64);
        }
        Libc.cfmakeraw(raw);
        Libc.tcsetattr(0, TCSANOW, raw);
    }

    private void CopyWindowSize()
    {
        ushort* ws = stackalloc ushort[4];
        if (Libc.ioctl(0, TIOCGWINSZ, ws) == 0) Pty.SetSize(_master, ws[0], ws[1]);
    }

    private static void Copy(int from, int to)
    {
        byte* buf = stackalloc byte[8192];
        while (true)
        {
            nint n = Libc.read(from, buf, 8192);
            if (n < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Sys.EINTR) continue;
            if (n <= 0) return;
            try
            {
                Sys.WriteAll(to, new ReadOnlySpan<byte>(buf, (int)n), "terminal");
            }
            catch (SyscallException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _winch?.Dispose();
        if (_stdinIsTty)
        {
            fixed (byte* t = _savedTermios)
            {
                Libc.tcsetattr(0, TCSANOW, t);
            }
        }
    }
}
