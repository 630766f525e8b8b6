namespace Berth.Engine.Inspect;

/// <summary>docker inspect's HostConfig.RestartPolicy.</summary>
public sealed class InspectRestartPolicy
{
    public string Name { get; set; } = "no";
    public int MaximumRetryCount { get; set; }
}
