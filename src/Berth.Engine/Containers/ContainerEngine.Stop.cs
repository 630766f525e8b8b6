using Berth.Engine.Monitor;
using Berth.Engine.State;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth stop [-t N]`: the image's stop signal (SIGTERM by default) through the runtime, up to N seconds
    /// (10) for the monitor to see the exit and finish its cleanup, then SIGKILL. Stopping a container that is
    /// not running does nothing, as in docker.
    /// </summary>
    public void Stop(string idOrName, int timeoutSeconds)
    {
        var c = Get(idOrName);
        if (!c.IsRunning) return;
        MarkStopped(c);
        var runtime = RuntimeFor(c);
        string signal = ConfigOf(c).StopSignal ?? "SIGTERM";
        if (timeoutSeconds != 0 && Signal(c, runtime, signal) && WaitForExit(c, TimeSpan.FromSeconds(Math.Max(0, timeoutSeconds)))) return;
        Signal(c, runtime, "SIGKILL");
        if (!WaitForExit(c, TimeSpan.FromSeconds(30))) throw new EngineException($"container {c.Name} did not exit 30 s after SIGKILL (monitor pid {c.MonitorPid})", 1);
    }

    /// <summary>`berth kill [-s SIGNAL]`: one signal through the runtime; the container must be running.</summary>
    public void Kill(string idOrName, string signal)
    {
        var c = Get(idOrName);
        if (!c.IsRunning) throw new EngineException($"cannot kill container {c.Name}: container {c.Id} is not running", 1);
        MarkStopped(c);
        if (!Signal(c, RuntimeFor(c), signal))
        {
            throw new EngineException($"cannot kill container {c.Name} with {signal}: the runtime refused (unknown signal, or the container just exited)", 1);
        }
    }

    /// <summary>
    /// A signal through the runtime. A paused container is thawed right after (frozen processes cannot act on
    /// it), so stop and kill work on it as in docker; it is running again if it survives the signal.
    /// </summary>
    private bool Signal(ContainerRecord c, Runtime.IOciRuntime runtime, string signal)
    {
        bool sent = runtime.Kill(c.Id, signal);
        if (sent && Store.Find(c.Id) is { IsPaused: true } paused)
        {
            try
            {
                Resume(paused);
            }
            catch (EngineException)
            {
                // The signal ended it before the thaw: nothing left to resume.
            }
        }
        return sent;
    }

    /// <summary>
    /// Tells the container's monitor that the user stopped it: no restart after this exit (docker's
    /// HasBeenManuallyStopped, set by stop, kill and rm -f). The next `berth start` makes a new run directory.
    /// </summary>
    private void MarkStopped(ContainerRecord c)
    {
        string runDir = Paths.RunDirectory(c.Id);
        try
        {
            File.WriteAllText(StopFilePath(runDir), "");
        }
        catch (DirectoryNotFoundException)
        {
            // No run directory, or another `rm -f` of the same container removed it meanwhile: no monitor to tell.
        }
    }

    /// <summary>
    /// `berth wait`: blocks until the container is not running; its exit code. A running container's code comes
    /// from its monitor (the 'X' frame every attach client gets after the exit was recorded), so it is known
    /// even when --rm removes the container with it.
    /// </summary>
    public int Wait(string idOrName)
    {
        var c = Get(idOrName);
        if (c.IsRunning)
        {
            using var session = MonitorSession.Connect(AttachSocketPath(Paths.RunDirectory(c.Id)));
            if (session?.Stream((_, _) => { }) is int code) return code;
            WaitForExit(c, Timeout.InfiniteTimeSpan);
        }
        var after = Store.Find(c.Id);
        return after?.ExitCode ?? (after is null ? ExitCodeFromFile(c.Id) ?? 0 : 0);
    }

    /// <summary>Whether the container's monitor process is still there (it is while the container runs).</summary>
    public bool IsMonitorAlive(ContainerRecord c) => MonitorProcess.IsAlive(c.MonitorPid, c.Id);

    /// <summary>Waits for the container's monitor to exit (it exits after its cleanup has recorded the exit).</summary>
    private bool WaitForExit(ContainerRecord c, TimeSpan timeout) => MonitorProcess.WaitForExit(c.MonitorPid, c.Id, timeout);

    /// <summary>By id, name or id prefix, with the state made true first (see <see cref="Reconcile"/>).</summary>
    public ContainerRecord Get(string idOrName) => Reconcile(Store.Get(idOrName)) ?? throw new ContainerNotFoundException(idOrName);

    /// <summary>Every container (running ones only unless <paramref name="all"/>), newest first.</summary>
    public IReadOnlyList<ContainerRecord> List(bool all) =>
        Store.List().Select(Reconcile).OfType<ContainerRecord>().Where(c => all || c.IsRunning).ToList();

    /// <summary>
    /// A row that says "running" while its monitor is gone (killed, or /run lost in a reboot) is made "exited":
    /// with the exit file's code when the monitor wrote one, else 255; any leftover runtime state is deleted
    /// (killing a container that outlived its monitor) and the rootfs unmounted.
    /// </summary>
    private ContainerRecord? Reconcile(ContainerRecord c)
    {
        if (!c.IsRunning || MonitorProcess.IsAlive(c.MonitorPid, c.Id)) return c;
        if (Store.Find(c.Id) is { IsRunning: false } updated) return updated;
        int code = ExitCodeFromFile(c.Id) ?? 255;
        try
        {
            RuntimeFor(c).Delete(c.Id, force: true);
        }
        catch (EngineException)
        {
        }
        RemoveLeftoverCgroup(c.Id);
        Cleanup(c.Id, code, DateTimeOffset.UtcNow);
        return Store.Find(c.Id);
    }

    private int? ExitCodeFromFile(string id)
    {
        string file = Path.Combine(Paths.RunDirectory(id), "exit");
        if (!File.Exists(file)) return null;
        return int.TryParse(File.ReadAllText(file).Split(' ')[0], out int code) ? code : null;
    }
}
