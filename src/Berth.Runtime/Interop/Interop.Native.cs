using System.Runtime.InteropServices;

namespace Berth.Runtime.Interop;

/// <summary>native/nsexec.c, linked into the berth-runtime binary (see that file's header).</summary>
internal static unsafe partial class Native
{
    private const string Lib = "berthnative";

    [LibraryImport(Lib)]
    internal static partial int berth_nsexec_stage();

    [LibraryImport(Lib)]
    internal static partial int berth_spawn(byte* path, byte** argv, byte** envp, int* fds, int nfds, int newSession);

    [LibraryImport(Lib)]
    internal static partial int berth_execve(byte* path, byte** argv, byte** envp);

    [LibraryImport(Lib)]
    internal static partial int berth_execve_seccomp(byte* path, byte** argv, byte** envp, byte* filter, ushort len, uint flags, int* seccompFailed);
}
