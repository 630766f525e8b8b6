namespace Berth.Engine.State;

/// <summary>One row of the containers table (see <see cref="ContainerStore"/>).</summary>
public sealed class ContainerRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The image as the user named it ("busybox", "127.0.0.1:5000/busybox:latest").</summary>
    public string Image { get; set; } = "";
    public string ImageId { get; set; } = "";
    /// <summary><see cref="Specs.ContainerConfig"/> as JSON: the create options and what they resolved to.</summary>
    public string Config { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public string State { get; set; } = ContainerStatus.Created;
    public int Pid { get; set; }
    public int? ExitCode { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string BundlePath { get; set; } = "";
    public string LogPath { get; set; } = "";
    /// <summary>The OCI runtime binary (absolute path) that created the container; every later call uses it.</summary>
    public string RuntimePath { get; set; } = "";
    public int MonitorPid { get; set; }
    /// <summary>Why the last start failed, if it did.</summary>
    public string? Error { get; set; }

    /// <summary>Restarts the monitor made by the restart policy since the last `berth start` (docker's RestartCount).</summary>
    public int RestartCount { get; set; }

    public string ShortId => Id[..12];
    /// <summary>
    /// A process exists, or is about to again: running, paused (docker's State.Running is true for a paused container
    /// too) or between two runs of its restart policy (docker counts that as running as well).
    /// </summary>
    public bool IsRunning => State is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Restarting;
    public bool IsPaused => State == ContainerStatus.Paused;
}
