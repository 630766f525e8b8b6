using System.Text.Json;
using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Namespaces;
using Berth.Runtime.Process;
using Berth.Runtime.Terminal;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>
    /// `exec`: one more process in the running container, in all its namespaces and its cgroup, with the
    /// container's security settings unless the flags change them. Returns its exit code (0 at once with
    /// --detach, after the program has been exec'd).
    /// </summary>
    public int Exec(ExecOptions options)
    {
        string status = Status;
        if (status == "stopped")
        {
            throw new BerthException($"cannot exec in a stopped container \"{Id}\"");
        }
        if (status == "paused" && !options.IgnorePaused)
        {
            throw new BerthException($"cannot exec in a paused container \"{Id}\" (resume it, or use --ignore-paused)");
        }
        var spec = SavedSpec() ?? throw new BerthException($"container \"{Id}\": its saved config.json is missing");
        spec.Process = ExecProcessBuilder.Build(spec.Process, options);
        // Compiled before anything is started, so a bad profile fails without a process to clean up.
        var seccomp = Seccomp.SeccompCompiler.Compile(spec.Linux?.Seccomp);
        var launcher = new InitLauncher(options.PreserveFds);
        int proxyEnd = -1;
        TerminalProxy? proxy = null;
        try
        {
            int consoleFd = ExecConsole(spec.Process.Terminal, options, out proxyEnd);
            try
            {
                launcher.Spawn(consoleFd, Cgroup(), NamespacePlan.ForExec(spec.Linux?.Namespaces, State.Pid),
                    channel => SendExecConfig(channel, launcher.ConsoleFdInChild, spec, seccomp, options.PreserveFds));
            }
            finally
            {
                if (consoleFd >= 0) Sys.Close(consoleFd);
            }
            int pid = launcher.ReceivePid(null);
            string goneText = $"the exec process (pid {pid}) exited during setup";
            if (spec.Linux?.Seccomp is { ListenerPath.Length: > 0 } listening)
            {
                var state = OciState("running");
                state.Pid = pid;
                Seccomp.SeccompListener.Forward(launcher.Channel!, listening, state, goneText);
            }
            launcher.Channel!.Expect(InitMessage.Ready, goneText);
            if (proxyEnd >= 0) proxy = new TerminalProxy(FdPassing.Receive(proxyEnd));
            launcher.Channel.ExpectExecve();
            PidFile.Write(options.PidFile, pid);
            if (options.Detach) return 0;
            int waitStatus = WaitWithForwarding(pid);
            proxy?.Finish();
            return Sys.ExitCode(waitStatus);
        }
        catch
        {
            launcher.Abort();
            throw;
        }
        finally
        {
            proxy?.Dispose();
            if (proxyEnd >= 0) Sys.Close(proxyEnd);
            launcher.Channel?.Dispose();
            launcher.ReapBootstrap();
        }
    }

    /// <summary>--console-socket, or (a terminal without one, not detached) a socketpair whose other end becomes our proxy.</summary>
    private static int ExecConsole(bool terminal, ExecOptions options, out int proxyEnd)
    {
        proxyEnd = -1;
        if (!terminal) return -1;
        if (options.ConsoleSocket is not null) return UnixSocket.Connect(options.ConsoleSocket);
        if (options.Detach)
        {
            throw new BerthException("exec --tty --detach needs --console-socket (someone must hold the terminal)");
        }
        var (mine, theirs) = SocketPair();
        proxyEnd = mine;
        return theirs;
    }

    private void SendExecConfig(InitChannel channel, int consoleFdInChild, Oci.Spec.Spec spec, Seccomp.SeccompProgram? seccomp, int preserveFds)
    {
        var config = new InitConfig
        {
            Mode = "exec",
            Spec = spec,
            Id = Id,
            Bundle = State.Bundle,
            Rootfs = State.Rootfs,
            PreserveFds = preserveFds,
            ConsoleSocketFd = consoleFdInChild,
            Seccomp = seccomp,
            Trace = Trace.Enabled,
        };
        channel.Send(InitMessage.Config, InitConfigCodec.Encode(config));
    }
}
