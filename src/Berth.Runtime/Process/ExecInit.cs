using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Seccomp;
using Berth.Runtime.Terminal;

namespace Berth.Runtime.Process;

/// <summary>
/// The init side of `exec`: nsexec.c has already joined the container's namespaces (setns) and cloned this
/// process into its cgroup, so the root, hostname and mounts are the container's. What is left is the
/// process's own settings: terminal, cwd, rlimits, identity and capabilities, then execve.
///
/// <code>
///  runtime (exec)                                  exec init (here)
///  Config{mode exec, spec with the exec process} ▶ pty, chdir, exe lookup, rlimits, user, caps
///  ◀────────────────────────────────────────────── Ready
///                                                  execve: the channel closes (close-on-exec)
///  ◀────────────────────────────────────────────── Error{text} only if execve failed
/// </code>
/// </summary>
internal static class ExecInit
{
    internal static int Run(InitConfig config, InitChannel channel)
    {
        var process = config.Spec.Process ?? throw new InvalidSpecException("process: missing");
        var args = process.Args is { Count: > 0 } a ? a : throw new InvalidSpecException("process.args: must name the program to run");
        int slave = process.Terminal ? Pty.Setup(config.ConsoleSocketFd, process.ConsoleSize, bindConsole: false) : -1;
        Sys.Chdir(process.Cwd);
        string exe = ExecutableLookup.Find(args[0], process.Env, process.Cwd, ExecutableLookup.IsExecutable);
        var env = InitProcess.WithHome(process.Env ?? [], process.User.Uid);
        Credentials.SetRlimits(process.Rlimits);
        if (slave >= 0) Pty.BecomeControllingTerminal(slave);
        FdHygiene.CloseOnExecFrom(3 + config.PreserveFds);
        // The container's seccomp filter applies to exec'd processes too (as runc): loaded while the process
        // still has CAP_SYS_ADMIN when no_new_privs is off, else in C right before execve; with a listener,
        // now, so that the runtime can pass the listener's fd on (SeccompListener).
        var filter = config.Seccomp;
        if (filter is { HasListener: true }) SeccompListener.HandOver(filter, channel);
        var lateFilter = filter is { HasListener: false } ? filter : null;
        if (lateFilter is not null && !process.NoNewPrivileges) SeccompKernel.Load(lateFilter);
        Credentials.SetUserAndCapabilities(process.User, process.Capabilities, process.NoNewPrivileges);
        channel.Send(InitMessage.Ready);
        try
        {
            Spawner.Exec(exe, args, env, process.NoNewPrivileges ? lateFilter : null);
        }
        catch (SyscallException e)
        {
            InitProcess.TrySend(channel, e.Message);
        }
        return 127;
    }
}
