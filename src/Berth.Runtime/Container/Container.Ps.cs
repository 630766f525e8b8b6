namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`ps`: the pids (host's view) in the container's cgroup, and its descendants'.</summary>
    public IReadOnlyList<int> Pids()
    {
        if (Status == "stopped" && !Cgroup().Paths.Values.Any(Directory.Exists)) return [];
        return Cgroup().GetPids();
    }
}
