using System.Globalization;
using Berth.Engine.State;
using Berth.Images.Content;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth rm [-f]`: refuses a running container unless forced (then SIGKILL and wait for the monitor's
    /// cleanup); removes the snapshot, the container's directories and its row.
    /// </summary>
    public void Remove(string idOrName, bool force) => Remove(idOrName, force, removeVolumes: false);

    /// <summary>`berth rm [-f] [-v]`: with <paramref name="removeVolumes"/> the container's anonymous volumes go too (named ones stay).</summary>
    public void Remove(string idOrName, bool force, bool removeVolumes)
    {
        var c = Get(idOrName);
        if (c.IsRunning)
        {
            if (!force && c.IsPaused) throw new EngineException($"cannot remove container \"/{c.Name}\": container is paused and must be unpaused first", 1);
            if (!force) throw new EngineException($"cannot remove container \"/{c.Name}\": container is {c.State}: stop the container before removing or force remove", 1);
            MarkStopped(c);
            Signal(c, RuntimeFor(c), "SIGKILL");
            if (!WaitForExit(c, TimeSpan.FromSeconds(30))) throw new EngineException($"container {c.Name} did not exit 30 s after SIGKILL", 1);
        }
        using (RemovalLock(c.Id))
        {
            // another berth may have removed it while this one waited for the lock (two `rm` at once)
            if (Store.Find(c.Id) is null) throw new ContainerNotFoundException(idOrName);
            TeardownNetwork(c.Id);
            RemoveLeftoverCgroup(c.Id);
            RemoveArtifacts(c.Id);
            Store.Delete(c.Id);
            Networks.Store.DeleteEndpoints(c.Id);
            Volumes.Release(c.Id, removeVolumes);
        }
    }

    /// <summary>
    /// flock(2) on RUNROOT/locks/ID, held while a container's snapshot, directories and row go, so two removals
    /// (two `rm`, or `rm` and an --rm cleanup) never unmount or delete under each other. The holder deletes the
    /// file once the row is gone; a waiter then finds no row. It is released if the holder dies (tmpfs: gone at reboot).
    /// </summary>
    private IDisposable RemovalLock(string id)
    {
        string directory = Path.Combine(Paths.RunRoot, "locks");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, id);
        return new RemovalLockHandle(FileLock.Acquire(path, exclusive: true), path, () => Store.Find(id) is null);
    }

    private sealed class RemovalLockHandle(FileLock held, string path, Func<bool> gone) : IDisposable
    {
        public void Dispose()
        {
            if (gone()) File.Delete(path);
            held.Dispose();
        }
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
        TeardownNetwork(id);
        if (c is null) return;
        if (ConfigOf(c).Options.AutoRemove)
        {
            using (RemovalLock(id))
            {
                if (Store.Find(id) is null) return;
                RemoveArtifacts(id);
                Store.Delete(id);
                Networks.Store.DeleteEndpoints(id);
                Volumes.Release(id, removeAnonymous: true);
            }
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
