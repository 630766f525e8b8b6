using System.Globalization;
using Berth.Engine.State;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth rm [-f]`: refuses a running container unless forced (then SIGKILL and wait for the monitor's
    /// cleanup); removes the snapshot, the container's directories and its row.
    /// </summary>
    public void Remove(string idOrName, bool force)
    {
        var c = Get(idOrName);
        if (c.IsRunning)
        {
            if (!force) throw new EngineException($"cannot remove container \"/{c.Name}\": container is {c.State}: stop the container before removing or force remove", 1);
            MarkStopped(c);
            RuntimeFor(c).Kill(c.Id, "SIGKILL");
            if (!WaitForExit(c, TimeSpan.FromSeconds(30))) throw new EngineException($"container {c.Name} did not exit 30 s after SIGKILL", 1);
        }
        RemoveArtifacts(c.Id);
        Store.Delete(c.Id);
    }

    /// <summary>
    /// The monitor's exit command (`berth container cleanup ID`): records the exit code and time from the exit
    /// file, unmounts the rootfs, and removes everything for --rm. Safe to run twice, or after `rm -f`.
    /// </summary>
    public void Cleanup(string id) =>
        Cleanup(id, ExitCodeFromFile(id) ?? 255, ExitTimeFromFile(id) ?? DateTimeOffset.UtcNow);

    /// <summary>
    /// The monitor's exit command between two runs of a restart policy (`cleanup --restarting ID`): the exit is
    /// recorded and the state is "restarting"; the rootfs stays mounted and the run directory stays (the
    /// monitor's attach socket and the stop file live there).
    /// </summary>
    public void RecordRestarting(string id) =>
        Store.Change(id, r => (r.State, r.Pid, r.ExitCode, r.FinishedAt) = (ContainerStatus.Restarting, 0, ExitCodeFromFile(id) ?? 255, ExitTimeFromFile(id) ?? DateTimeOffset.UtcNow));

    /// <summary>`cleanup --started PID ID`: the monitor restarted the container; running again, one restart more.</summary>
    public void RecordRestarted(string id, int pid) =>
        Store.Change(id, r =>
        {
            (r.State, r.Pid, r.StartedAt, r.RestartCount) = (ContainerStatus.Running, pid, DateTimeOffset.UtcNow, r.RestartCount + 1);
            r.Error = null;
        });

    private void Cleanup(string id, int exitCode, DateTimeOffset finished)
    {
        bool found = Store.Change(id, r => (r.State, r.Pid, r.ExitCode, r.FinishedAt) = (ContainerStatus.Exited, 0, exitCode, finished));
        var c = found ? Store.Find(id) : null;
        if (c is null) return;
        if (ConfigOf(c).Options.AutoRemove)
        {
            RemoveArtifacts(id);
            Store.Delete(id);
            return;
        }
        Snapshotter.Unmount(id);
        _mountedHere.Remove(id);
        DeleteDirectory(Paths.RunDirectory(id));
    }

    private DateTimeOffset? ExitTimeFromFile(string id)
    {
        string file = Path.Combine(Paths.RunDirectory(id), "exit");
        if (!File.Exists(file)) return null;
        string[] parts = File.ReadAllText(file).Trim().Split(' ');
        return parts.Length == 2 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>Snapshot (unmounted first), ROOT/containers/ID and RUNROOT/containers/ID.</summary>
    private void RemoveArtifacts(string id)
    {
        Snapshotter.Remove(id);
        DeleteDirectory(Paths.ContainerDirectory(id));
        DeleteDirectory(Paths.RunDirectory(id));
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
