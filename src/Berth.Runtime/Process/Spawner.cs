using System.Text;
using Berth.Runtime.Interop;
using Berth.Runtime.Seccomp;

namespace Berth.Runtime.Process;

/// <summary>Starting programs: fork+exec with an exact fd table (native berth_spawn), and the final execve of the container process.</summary>
internal static unsafe class Spawner
{
    /// <param name="fds">fds[i] becomes fd i in the child; every other descriptor is closed on exec</param>
    internal static int Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> env, IReadOnlyList<int> fds, bool newSession = false)
    {
        using var args = new NativeStrings(argv);
        using var envp = new NativeStrings(env);
        byte[] pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        int[] fdTable = fds.ToArray();
        fixed (byte* p = pathBytes)
        fixed (int* f = fdTable)
        {
            int pid = Native.berth_spawn(p, args.Pointer, envp.Pointer, f, fdTable.Length, newSession ? 1 : 0);
            if (pid < 0) throw new SyscallException($"start {path}", -pid);
            return pid;
        }
    }

    /// <summary>
    /// Replaces this process with the container's program (signals reset to default first, in C). With a
    /// <paramref name="seccomp"/> filter, C installs it right before execve. Returns only by throwing.
    /// </summary>
    internal static void Exec(string path, IReadOnlyList<string> argv, IReadOnlyList<string> env, SeccompProgram? seccomp = null)
    {
        if (seccomp is not null) Tracing.Trace.Step($"seccomp: loading filter right before execve (no_new_privs is set): {seccomp.Describe()}");
        Tracing.Trace.Step($"execve {path} [{string.Join(' ', argv)}]: the container's process takes over this pid");
        using var args = new NativeStrings(argv);
        using var envp = new NativeStrings(env);
        byte[] pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = pathBytes)
        {
            if (seccomp is null) throw new SyscallException($"exec {path}", -Native.berth_execve(p, args.Pointer, envp.Pointer));
            int seccompFailed;
            fixed (byte* filter = seccomp.Filter)
            {
                int err = Native.berth_execve_seccomp(p, args.Pointer, envp.Pointer, filter, (ushort)seccomp.InstructionCount, seccomp.Flags, &seccompFailed);
                throw new SyscallException(seccompFailed != 0 ? "linux.seccomp: seccomp(SECCOMP_SET_MODE_FILTER)" : $"exec {path}", -err);
            }
        }
    }
}
