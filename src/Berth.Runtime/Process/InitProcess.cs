using System.Text;
using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Json;
using Berth.Oci.Spec;
using Berth.Runtime.Hooks;
using Berth.Runtime.Interop;
using Berth.Runtime.Rootfs;
using Berth.Runtime.Seccomp;
using Berth.Runtime.Terminal;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Process;

/// <summary>
/// The container's init: `berth-runtime init`, started by the runtime and cloned into the container's
/// namespaces by native/nsexec.c before .NET started. It builds the container's view of the system,
/// reports each phase over the <see cref="InitChannel"/>, waits for `start` and execs the user process.
/// </summary>
public static class InitProcess
{
    private static bool s_readySent;

    public static int Run()
    {
        Trace.SetRole("init");
        string? fdText = Environment.GetEnvironmentVariable("_BERTH_INITPIPE");
        if (fdText is null || Native.berth_nsexec_stage() != 1)
        {
            Console.Error.WriteLine("berth-runtime init: internal command, started by berth-runtime create/run/exec");
            return 2;
        }
        Environment.SetEnvironmentVariable("_BERTH_INITPIPE", null);
        using var channel = new InitChannel(int.Parse(fdText, System.Globalization.CultureInfo.InvariantCulture));
        InitConfig config;
        try
        {
            Sys.SetCloexec(channel.Fd, true);
            byte[] payload = channel.Expect(InitMessage.Config, "the runtime went away before sending the config");
            config = InitConfigCodec.Decode(payload);
            Trace.Enabled = config.Trace;
            return config.Mode == "exec" ? ExecInit.Run(config, channel) : Setup(config, channel);
        }
        catch (Exception e)
        {
            string message = e is BerthException ? e.Message : e.ToString();
            // After Ready nobody reads the channel any more (`create` has returned): the container's stderr
            // is where the user of `start`/`run` will look.
            if (s_readySent) Console.Error.WriteLine("berth-runtime: " + message);
            else TrySend(channel, message);
            return 1;
        }
    }

    private static int Setup(InitConfig config, InitChannel channel)
    {
        var spec = config.Spec;
        var process = spec.Process ?? throw new InvalidSpecException("process: missing");
        RootfsSetup.Prepare(config);
        int fifo = config.FifoPath.Length > 0 ? Sys.Open(config.FifoPath, Sys.O_PATH) : -1;
        channel.Send(InitMessage.MountsReady);
        byte[] statePayload = channel.Expect(InitMessage.HooksDone, "the runtime went away while running hooks");
        var state = SpecJsonReader.TryParseState(statePayload) ?? throw new BerthException("init: the state from the runtime does not decode");
        HookRunner.Run("createContainer", spec.Hooks?.CreateContainer, state);

        RootfsSetup.SwitchRoot(config);
        WriteSysctls(spec.Linux?.Sysctl);
        if (spec.Hostname is { Length: > 0 } host) Sys.SetHostname(host);
        if (spec.Domainname is { Length: > 0 } domain) Sys.SetDomainname(domain);
        int slave = process.Terminal ? Pty.Setup(config.ConsoleSocketFd, process.ConsoleSize) : -1;
        RootfsSetup.Protect(config);

        Sys.Chdir(process.Cwd);
        var args = process.Args ?? throw new InvalidSpecException("process.args: missing");
        string exe = ExecutableLookup.Find(args[0], process.Env, process.Cwd, ExecutableLookup.IsExecutable);
        var env = WithHome(process.Env ?? [], process.User.Uid);
        Credentials.SetRlimits(process.Rlimits);
        Credentials.SetOomScoreAdj(process.OomScoreAdj);
        if (slave >= 0) Pty.BecomeControllingTerminal(slave);
        FdHygiene.CloseOnExecFrom(3 + config.PreserveFds);
        // A filter with a listener is loaded now, while the runtime is there to take the listener's fd.
        var filter = config.Seccomp;
        if (filter is { HasListener: true }) SeccompListener.HandOver(filter, channel);
        var lateFilter = filter is { HasListener: false } ? filter : null;

        channel.Send(InitMessage.Ready);
        s_readySent = true;
        // The fifo is reopened through /proc/self/fd, which a process that changed its uid may no longer
        // traverse (it becomes non-dumpable): so wait for `start` first, then take the container's identity.
        if (fifo >= 0) WaitForStart(fifo);
        // Without no_new_privs, loading a filter needs CAP_SYS_ADMIN: load it before capabilities are dropped
        // (runc's order). With no_new_privs it is loaded in C right before execve.
        if (lateFilter is not null && !process.NoNewPrivileges) SeccompKernel.Load(lateFilter);
        Credentials.SetUserAndCapabilities(process.User, process.Capabilities, process.NoNewPrivileges);
        state.Status = "running";
        HookRunner.Run("startContainer", spec.Hooks?.StartContainer, state);
        Spawner.Exec(exe, args, env, process.NoNewPrivileges ? lateFilter : null);
        return 127;
    }

    /// <summary>Blocks until `start` opens exec.fifo for reading, then tells it we are going (one byte).</summary>
    private static void WaitForStart(int fifoPathFd)
    {
        Trace.Step("open exec.fifo for writing: blocks until `berth-runtime start`");
        int fd = Sys.Open($"/proc/self/fd/{fifoPathFd}", Sys.O_WRONLY);
        Sys.WriteAll(fd, "0"u8, "exec.fifo");
        Sys.Close(fd);
        Sys.Close(fifoPathFd);
    }

    private static void WriteSysctls(Dictionary<string, string>? sysctls)
    {
        foreach (var (key, value) in sysctls ?? [])
        {
            if (key.Contains("..") || key.Contains('/'))
            {
                throw new InvalidSpecException($"linux.sysctl: invalid key '{key}'");
            }
            string path = "/proc/sys/" + key.Replace('.', '/');
            Trace.Step($"sysctl {key}={value} (write {path})");
            try
            {
                File.WriteAllText(path, value);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BerthException($"linux.sysctl: write {value} to {path}: {e.Message}");
            }
        }
    }

    /// <summary>Adds HOME from the container's /etc/passwd when the spec's env has none (as runc does).</summary>
    internal static List<string> WithHome(List<string> env, uint uid)
    {
        var result = new List<string>(env);
        if (result.Any(e => e.StartsWith("HOME=", StringComparison.Ordinal))) return result;
        string home = "/";
        try
        {
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] f = line.Split(':');
                if (f.Length >= 6 && f[2] == uid.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    home = f[5];
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        result.Add("HOME=" + home);
        return result;
    }

    internal static void TrySend(InitChannel channel, string message)
    {
        try
        {
            channel.Send(InitMessage.Error, Encoding.UTF8.GetBytes(message));
        }
        catch (SyscallException)
        {
            Console.Error.WriteLine("berth-runtime init: " + message);
        }
    }
}
