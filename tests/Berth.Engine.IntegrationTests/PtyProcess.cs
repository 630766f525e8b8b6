using System.Runtime.InteropServices;
using System.Text;

namespace Berth.Engine.IntegrationTests;

/// <summary>
/// A program run on a real pseudo-terminal, the way a user's terminal runs it: posix_openpt(3) gives the
/// master; posix_spawn(3) with POSIX_SPAWN_SETSID starts the child in a new session and opens the slave as its
/// fd 0 (which makes it the controlling terminal), 1 and 2. The test writes keys to the master, reads what the
/// child prints, and resizes the terminal with TIOCSWINSZ on the master (the kernel then sends SIGWINCH to the
/// terminal's foreground process group, as a terminal emulator does).
/// </summary>
public sealed unsafe class PtyProcess : IDisposable
{
    private const int O_RDWR = 2, O_NOCTTY = 0x100, O_CLOEXEC = 0x80000, WNOHANG = 1, POSIX_SPAWN_SETSID = 0x80;
    private const ulong TIOCSWINSZ = 0x5414;
    private readonly int _master;
    private readonly StringBuilder _output = new();
    private readonly Thread _reader;
    private int? _exitCode;

    public int Pid { get; }

    public PtyProcess(string file, IReadOnlyList<string> args, IDictionary<string, string> env, ushort rows = 24, ushort columns = 80)
    {
        _master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (_master < 0 || grantpt(_master) != 0 || unlockpt(_master) != 0) throw new IOException($"posix_openpt: errno {Marshal.GetLastPInvokeError()}");
        byte* name = stackalloc byte[128];
        if (ptsname_r(_master, name, 128) != 0) throw new IOException("ptsname_r failed");
        string slave = Marshal.PtrToStringUTF8((nint)name)!;
        Resize(rows, columns);
        Pid = Spawn(file, args, env, slave);
        _reader = new Thread(ReadOutput) { IsBackground = true, Name = "pty reader" };
        _reader.Start();
    }

    /// <summary>Everything the child printed so far (the terminal's view: \r\n line ends, echoed input).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public void Write(string keys)
    {
        byte[] data = Encoding.UTF8.GetBytes(keys);
        fixed (byte* p = data)
        {
            for (int done = 0; done < data.Length;)
            {
                nint n = write(_master, p + done, data.Length - done);
                if (n <= 0) throw new IOException($"write to the pty master: errno {Marshal.GetLastPInvokeError()}");
                done += (int)n;
            }
        }
    }

    public void Resize(ushort rows, ushort columns)
    {
        ushort* size = stackalloc ushort[4] { rows, columns, 0, 0 };
        if (ioctl(_master, TIOCSWINSZ, size) != 0) throw new IOException($"TIOCSWINSZ: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits until the output contains <paramref name="text"/> after <paramref name="from"/> characters; fails the test with the output when it does not come.</summary>
    public int WaitFor(string text, int from = 0, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            string output = Output;
            int at = from <= output.Length ? output.IndexOf(text, from, StringComparison.Ordinal) : -1;
            if (at >= 0) return at + text.Length;
            if (HasExited && !_reader.IsAlive && Output.IndexOf(text, Math.Min(from, Output.Length), StringComparison.Ordinal) < 0) break;
            Thread.Sleep(20);
        }
        throw new Xunit.Sdk.XunitException($"'{text}' did not appear on the terminal; it shows:\n{Output}");
    }

    public bool HasExited
    {
        get
        {
            if (_exitCode is null && waitpid(Pid, out int status, WNOHANG) == Pid) _exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return _exitCode is not null;
        }
    }

    /// <summary>The child's exit code (shell style); fails the test when it runs on after <paramref name="seconds"/>.</summary>
    public int WaitForExit(int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!HasExited)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"the program on the terminal did not exit in {seconds} s; it shows:\n{Output}");
            Thread.Sleep(20);
        }
        _reader.Join(2000);
        return _exitCode!.Value;
    }

    public void Dispose()
    {
        if (!HasExited)
        {
            kill(Pid, 9);
            WaitForExit();
        }
        close(_master);
    }

    private void ReadOutput()
    {
        byte[] buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        char[] chars = new char[4096];
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = read(_master, p, buffer.Length);
            if (n < 0 && Marshal.GetLastPInvokeError() == 4) continue;
            if (n <= 0) return; // EIO: every slave fd is closed
            int count = decoder.GetChars(buffer, 0, (int)n, chars, 0);
            lock (_output) _output.Append(chars, 0, count);
        }
    }

    private static int Spawn(string file, IReadOnlyList<string> args, IDictionary<string, string> env, string slave)
    {
        byte* actions = stackalloc byte[256];
        byte* attr = stackalloc byte[512];
        posix_spawn_file_actions_init(actions);
        posix_spawnattr_init(attr);
        try
        {
            posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSID);
            posix_spawn_file_actions_addopen(actions, 0, slave, O_RDWR, 0);
            posix_spawn_file_actions_adddup2(actions, 0, 1);
            posix_spawn_file_actions_adddup2(actions, 0, 2);
            string[] argv = [file, .. args];
            string[] envp = [.. env.Select(kv => $"{kv.Key}={kv.Value}")];
            nint[] argvPtrs = [.. argv.Select(Marshal.StringToCoTaskMemUTF8), 0];
            nint[] envPtrs = [.. envp.Select(Marshal.StringToCoTaskMemUTF8), 0];
            try
            {
                int pid;
                int error;
                fixed (nint* a = argvPtrs)
                fixed (nint* e = envPtrs)
                {
                    error = posix_spawn(&pid, file, actions, attr, a, e);
                }
                if (error != 0) throw new IOException($"posix_spawn {file}: errno {error}");
                return pid;
            }
            finally
            {
                foreach (nint p in argvPtrs.Concat(envPtrs)) Marshal.FreeCoTaskMem(p);
            }
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attr);
        }
    }

    [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int ptsname_r(int fd, byte* buffer, nint length);
    [DllImport("libc", SetLastError = true)] private static extern int ioctl(int fd, ulong request, void* arg);
    [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte* buffer, nint count);
    [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, byte* buffer, nint count);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int kill(int pid, int signal);
    [DllImport("libc", SetLastError = true)] private static extern int waitpid(int pid, out int status, int options);
    [DllImport("libc")] private static extern int posix_spawn_file_actions_init(byte* actions);
    [DllImport("libc")] private static extern int posix_spawn_file_actions_destroy(byte* actions);
    [DllImport("libc")] private static extern int posix_spawn_file_actions_addopen(byte* actions, int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);
    [DllImport("libc")] private static extern int posix_spawn_file_actions_adddup2(byte* actions, int fd, int newFd);
    [DllImport("libc")] private static extern int posix_spawnattr_init(byte* attr);
    [DllImport("libc")] private static extern int posix_spawnattr_destroy(byte* attr);
    [DllImport("libc")] private static extern int posix_spawnattr_setflags(byte* attr, short flags);
    [DllImport("libc")] private static extern int posix_spawn(int* pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte* actions, byte* attr, nint* argv, nint* envp);
}
