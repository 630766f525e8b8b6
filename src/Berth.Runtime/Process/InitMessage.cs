namespace Berth.Runtime.Process;

/// <summary>Message types on the parent ↔ init socket. Values 1–3 and 100 are shared with native/nsexec.c.</summary>
public enum InitMessage : uint
{
    /// <summary>runtime → bootstrap: clone flags and namespace paths to join (binary, read by nsexec.c).</summary>
    Bootstrap = 1,
    /// <summary>bootstrap → runtime: the init's pid (u32).</summary>
    Pid = 2,
    /// <summary>runtime → init (in C, before .NET starts): uid/gid maps are written.</summary>
    MapsDone = 3,
    /// <summary>runtime → init: the <see cref="InitConfig"/> as JSON.</summary>
    Config = 4,
    /// <summary>init → runtime: mounts are done, before pivot_root: run prestart and createRuntime hooks now.</summary>
    MountsReady = 5,
    /// <summary>runtime → init: hooks ran; go on.</summary>
    HooksDone = 6,
    /// <summary>init → runtime: all set up; init now waits on exec.fifo for `start`.</summary>
    Ready = 7,
    /// <summary>init → runtime: the seccomp filter's user-notification fd (SCM_RIGHTS), for linux.seccomp.listenerPath.</summary>
    SeccompListener = 8,
    /// <summary>either way: a failure, the payload is one line of UTF-8 naming the step and errno.</summary>
    Error = 100,
}
