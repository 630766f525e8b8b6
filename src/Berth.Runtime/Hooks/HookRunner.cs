using System.Text;
using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Json;
using Berth.Oci.Spec;
using Berth.Runtime.Interop;
using Berth.Runtime.Process;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Hooks;

/// <summary>Runs OCI hooks (runtime-spec config.md "POSIX-platform Hooks"): the state on stdin, the timeout honoured, failure named.</summary>
internal static unsafe class HookRunner
{
    internal static void Run(string phase, IReadOnlyList<Hook>? hooks, Oci.Spec.State state)
    {
        if (hooks is null || hooks.Count == 0) return;
        byte[] stdin = SpecJsonWriter.Serialize(state, indented: false);
        for (int i = 0; i < hooks.Count; i++)
        {
            RunOne(phase, i, hooks[i], stdin);
        }
    }

    private static void RunOne(string phase, int index, Hook hook, byte[] stdin)
    {
        string name = $"{phase} hook {index} ({hook.Path})";
        Trace.Step($"run {name}" + (hook.Timeout is int t ? $" with a {t}s timeout" : ""));
        int* pipe = stackalloc int[2];
        Sys.Check(Libc.pipe2(pipe, Sys.O_CLOEXEC), "pipe for hook stdin");
        int pid;
        try
        {
            Sys.WriteAll(pipe[1], stdin, "hook stdin");
            Sys.Close(pipe[1]);
            pipe[1] = -1;
            var argv = hook.Args is { Count: > 0 } ? hook.Args : [hook.Path];
            pid = Spawner.Spawn(hook.Path, argv, hook.Env ?? [], [pipe[0], 1, 2]);
        }
        catch (SyscallException e)
        {
            throw new BerthException($"{name}: {e.Message}");
        }
        finally
        {
            Sys.Close(pipe[0]);
            if (pipe[1] >= 0) Sys.Close(pipe[1]);
        }
        int status = ProcessWait.WaitWithTimeout(pid, hook.Timeout, name);
        if (status != 0)
        {
            throw new BerthException($"{name} failed: exit status {Sys.ExitCode(status)}");
        }
    }
}
