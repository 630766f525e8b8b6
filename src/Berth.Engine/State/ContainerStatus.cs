namespace Berth.Engine.State;

/// <summary>
/// A container's life: created (bundle and rootfs ready, no process) → running (the monitor started it) →
/// exited (the monitor recorded the code; start again goes back to running). Values as docker prints them.
/// </summary>
public static class ContainerStatus
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Exited = "exited";
}
