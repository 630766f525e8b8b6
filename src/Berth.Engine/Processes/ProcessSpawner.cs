using System.Runtime.InteropServices;
using System.Text;
using Berth.Engine.Interop;

namespace Berth.Engine.Processes;

/// <summary>
/// Starts a program with posix_spawn(3): the child gets exactly the descriptors named in the fd map (child fd →
/// our fd, dup2'd; everything else of ours is close-on-exec), default signal dispositions and an empty signal
/// mask (the .NET runtime ignores SIGPIPE, which a child must not inherit), and optionally a new session
/// (setsid: no controlling terminal, so a terminal's SIGINT/SIGHUP never reach it). No managed code runs in
/// the child between fork and exec. The caller reaps it with <see cref="Wait"/>.
/// </summary>
internal static unsafe class ProcessSpawner
{
    public static int Start(string path, IReadOnlyList<string> argv, IReadOnlyList<(int Child, int Parent)> fds, bool newSession = false, IReadOnlyList<string>? environment = null)
    {
        byte* actions = stackalloc byte[Spawn.FileActionsSize];
        byte* attr = stackalloc byte[Spawn.AttrSize];
        byte* defaults = stackalloc byte[Spawn.SigsetSize];
        byte* mask = stackalloc byte[Spawn.SigsetSize];
        Spawn.posix_spawn_file_actions_init(actions);
        Spawn.posix_spawnattr_init(attr);
        var strings = new List<nint>();
        try
        {
            foreach (var (child, parent) in fds) Spawn.posix_spawn_file_actions_adddup2(actions, parent, child);
            Spawn.sigemptyset(mask);
            Spawn.sigemptyset(defaults);
            for (int signal = 1; signal < 32; signal++)
            {
                if (signal is not (9 or 19)) Spawn.sigaddset(defaults, signal);
            }
            Spawn.posix_spawnattr_setsigmask(attr, mask);
            Spawn.posix_spawnattr_setsigdefault(attr, defaults);
            short flags = (short)(Spawn.POSIX_SPAWN_SETSIGDEF | Spawn.POSIX_SPAWN_SETSIGMASK | (newSession ? Spawn.POSIX_SPAWN_SETSID : 0));
            Spawn.posix_spawnattr_setflags(attr, flags);
            byte** argvPtr = ToNative(argv, strings);
            byte** envPtr = ToNative(environment ?? CurrentEnvironment(), strings);
            byte* pathPtr = (byte*)Utf8(path, strings);
            int error = Spawn.posix_spawn(out int pid, pathPtr, actions, attr, argvPtr, envPtr);
            if (error != 0) throw new SpawnException(path, error);
            return pid;
        }
        finally
        {
            Spawn.posix_spawn_file_actions_destroy(actions);
            Spawn.posix_spawnattr_destroy(attr);
            foreach (nint p in strings) NativeMemory.Free((void*)p);
        }
    }

    /// <summary>waitpid(2) until the child exits; returns the raw wait status (see <see cref="ExitStatus"/>).</summary>
    public static int Wait(int pid)
    {
        while (true)
        {
            if (Spawn.waitpid(pid, out int status, 0) == pid) return status;
            int errno = Spawn.LastErrno;
            if (errno != Spawn.EINTR) throw new SpawnException($"waitpid {pid}", errno);
        }
    }

    public static List<string> CurrentEnvironment()
    {
        var list = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) list.Add($"{e.Key}={e.Value}");
        return list;
    }

    private static byte** ToNative(IReadOnlyList<string> values, List<nint> strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(nint));
        strings.Add((nint)array);
        for (int i = 0; i < values.Count; i++) array[i] = (byte*)Utf8(values[i], strings);
        return array;
    }

    private static nint Utf8(string value, List<nint> strings)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        var p = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(value, new Span<byte>(p, length));
        p[length] = 0;
        strings.Add((nint)p);
        return (nint)p;
    }
}
