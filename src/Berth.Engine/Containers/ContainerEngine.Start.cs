using System.Text.Json;
using Berth.Engine.Monitor;
using Berth.Engine.Runtime;
using Berth.Engine.Specs;
using Berth.Engine.State;
using Berth.Oci;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth start`: mount the rootfs, launch the container's monitor (which runs the runtime's create and
    /// start), record "running" with the pid, and let the monitor go on. With <paramref name="attach"/> the
    /// returned session streams the output and the exit code; otherwise it is already closed. A failed start
    /// records the error (and the exit code docker would give: 125/126/127), unmounts, and with --rm removes
    /// the container; then throws.
    /// </summary>
    /// <param name="consoleSize">with -t: the attached terminal's rows and columns, set on the pty before the process starts</param>
    public MonitorSession Start(string idOrName, bool attach, (ushort Rows, ushort Columns)? consoleSize = null)
    {
        var c = Get(idOrName);
        if (c.IsPaused) throw new EngineException($"cannot start a paused container {c.Name}, try unpause instead", 1);
        if (c.IsRunning) throw new EngineException($"container {c.Name} is already running", 1);
        var config = ConfigOf(c);
        // `run` mounted the snapshot a moment ago in this process; `start` of a created or exited one mounts it.
        if (!_mountedHere.Contains(c.Id)) Snapshotter.Mount(c.Id);
        string runDir = PrepareRunDirectory(c.Id);
        try
        {
            SetupNetwork(c, config);
        }
        catch (BerthException e)
        {
            FailStart(c, config, e as EngineException ?? new EngineException(e.Message));
            throw;
        }
        var session = MonitorSession.Launch(MonitorPath(), MonitorArguments(c, config, runDir, attach, consoleSize), Path.Combine(runDir, "monitor.log"));
        int pid;
        try
        {
            pid = session.WaitForStart(Path.Combine(runDir, "monitor.log"));
        }
        catch (EngineException e)
        {
            session.WaitForMonitorExit();
            session.Dispose();
            FailStart(c, config, e);
            string runtime = Path.GetFileName(c.RuntimePath);
            // Name the runtime when its message does not (crun's "cgroups in hybrid mode not supported").
            if (e.Message.Contains(runtime, StringComparison.Ordinal)) throw;
            throw new EngineException($"{runtime}: {e.Message}", e.ExitCode, e);
        }
        Store.Change(c.Id, r =>
        {
            (r.State, r.Pid, r.MonitorPid, r.StartedAt) = (ContainerStatus.Running, pid, session.MonitorPid, DateTimeOffset.UtcNow);
            (r.ExitCode, r.FinishedAt, r.Error, r.RestartCount) = (null, null, null, 0);
        });
        session.Ack();
        if (!attach) session.Dispose();
        return session;
    }

    private void FailStart(ContainerRecord c, ContainerConfig config, EngineException e)
    {
        TeardownNetwork(c.Id);
        if (config.Options.AutoRemove)
        {
            RemoveArtifacts(c.Id);
            Store.Delete(c.Id);
            Volumes.Release(c.Id, removeAnonymous: true);
            Networks.Store.DeleteEndpoints(c.Id);
            return;
        }
        Snapshotter.Unmount(c.Id);
        _mountedHere.Remove(c.Id);
        DeleteDirectory(Paths.RunDirectory(c.Id));
        Store.Change(c.Id, r => (r.ExitCode, r.Error) = (e.ExitCode, e.Message));
    }

    private string PrepareRunDirectory(string id)
    {
        string runDir = Paths.RunDirectory(id);
        DeleteDirectory(runDir);
        Directory.CreateDirectory(runDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Paths.RuntimeRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return runDir;
    }

    private List<string> MonitorArguments(ContainerRecord c, ContainerConfig config, string runDir, bool attach, (ushort Rows, ushort Columns)? consoleSize)
    {
        var (maxSize, maxFiles) = LogLimits(config.Options);
        var argv = new List<string>
        {
            "--id", c.Id, "--runtime", c.RuntimePath, "--runtime-root", Paths.RuntimeRoot, "--bundle", c.BundlePath,
            "--pid-file", Path.Combine(runDir, "pid"), "--runtime-log", Path.Combine(runDir, "runtime.log"),
            "--log", c.LogPath, "--log-max-size", maxSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--log-max-files", maxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--exit-file", Path.Combine(runDir, "exit"),
        };
        foreach (string word in Runtime.CrunOnHybridHost.Prefix(c.RuntimePath)) argv.AddRange(["--runtime-wrapper", word]);
        if (attach) argv.Add("--attach");
        argv.AddRange(InteractiveArguments(config.Options, runDir));
        if (config.Options.Tty && consoleSize is { Rows: > 0 } size) argv.AddRange(["--console-size", $"{size.Rows}x{size.Columns}"]);
        argv.AddRange(["--", .. _options.SelfCommand, "--root", Paths.DataRoot, "container", "cleanup", c.Id]);
        return argv;
    }

    /// <summary>-t, -i, the attach socket and the restart policy, for the monitor's command line.</summary>
    private static List<string> InteractiveArguments(CreateOptions o, string runDir)
    {
        var argv = new List<string> { "--attach-socket", AttachSocketPath(runDir) };
        if (o.Tty) argv.AddRange(["--tty", "--console-socket", Path.Combine(runDir, "console.sock")]);
        if (o.Interactive) argv.Add("--stdin");
        if (o.Interactive && o.StdinOnce) argv.Add("--stdin-once");
        var policy = CheckRestartPolicy(o);
        if (!policy.IsNone) argv.AddRange(["--restart", policy.ToString(), "--stop-file", StopFilePath(runDir)]);
        return argv;
    }

    /// <summary>RUNROOT/containers/ID/attach: the monitor's attach socket (see MonitorFrame).</summary>
    internal static string AttachSocketPath(string runDir) => Path.Combine(runDir, "attach");

    /// <summary>RUNROOT/containers/ID/stopping: made by `berth stop`/`rm -f`/`kill` so the monitor does not restart the container.</summary>
    internal static string StopFilePath(string runDir) => Path.Combine(runDir, "stopping");

    private string MonitorPath() =>
        _options.MonitorPath
        ?? (Environment.GetEnvironmentVariable("BERTH_MONITOR") is { Length: > 0 } env ? env : null)
        ?? RuntimeLocator.FindBinary("berth-monitor")
        ?? throw new EngineException($"berth-monitor not found next to berth ({AppContext.BaseDirectory}) or in PATH: install it with berth, or set BERTH_MONITOR");

    internal static ContainerConfig ConfigOf(ContainerRecord c) =>
        JsonSerializer.Deserialize(c.Config, EngineJsonContext.Default.ContainerConfig) ?? new ContainerConfig();
}
