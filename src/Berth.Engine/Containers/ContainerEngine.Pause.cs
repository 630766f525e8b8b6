using Berth.Engine.State;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>`berth pause`: the runtime freezes every process of the container (cgroup freezer); the row says "paused".</summary>
    public void Pause(string idOrName)
    {
        var c = Get(idOrName);
        if (!c.IsRunning) throw new EngineException($"container {c.Id} is not running", 1);
        if (c.IsPaused) throw new EngineException($"container {c.Id} is already paused", 1);
        RuntimeFor(c).Pause(c.Id, pause: true);
        Store.Change(c.Id, r => r.State = r.State == ContainerStatus.Running ? ContainerStatus.Paused : r.State);
    }

    /// <summary>`berth unpause`: the runtime thaws the container; the row says "running" again.</summary>
    public void Unpause(string idOrName)
    {
        var c = Get(idOrName);
        if (!c.IsPaused) throw new EngineException($"container {c.Id} is not paused", 1);
        Resume(c);
    }

    /// <summary>`berth restart [-t N]`: stop (as `stop -t N`) when running, then start detached. Docker's restart of a created or exited container just starts it.</summary>
    public void Restart(string idOrName, int timeoutSeconds)
    {
        var c = Get(idOrName);
        Stop(c.Id, timeoutSeconds);
        using var session = Start(c.Id, attach: false);
    }

    /// <summary>
    /// `berth rename OLD NEW`: docker's rules: a valid name, not the current one, not another container's (the
    /// UNIQUE column decides, so two renames at once cannot both take a name).
    /// </summary>
    public void Rename(string idOrName, string newName)
    {
        var c = Get(idOrName);
        newName = newName.TrimStart('/');
        if (!NameGenerator.IsValid(newName)) throw new EngineException($"invalid container name ({newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", 1);
        if (newName == c.Name) throw new EngineException("renaming a container with the same name as its current name", 1);
        Store.Rename(c.Id, newName);
    }

    private void Resume(ContainerRecord c)
    {
        RuntimeFor(c).Pause(c.Id, pause: false);
        Store.Change(c.Id, r => r.State = r.State == ContainerStatus.Paused ? ContainerStatus.Running : r.State);
    }
}
