namespace Berth.Engine.State;

/// <summary>
/// A container's life: created (bundle and rootfs ready, no process) → running (the monitor started it) →
/// exited (the monitor recorded the code; start again goes back to running); running ⇄ paused (pause/unpause);
/// running → restarting → running when a restart policy applies. Values as docker prints them.
/// </summary>
public static class ContainerStatus
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Exited = "exited";
    /// <summary>Running with every process frozen (`berth pause`): still counts as running, as in docker.</summary>
    public const string Paused = "paused";
    /// <summary>Exited, and its monitor is about to start it again (restart policy).</summary>
    public const string Restarting = "restarting";
}
