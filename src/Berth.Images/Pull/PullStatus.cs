namespace Berth.Images.Pull;

/// <summary>The steps a pull reports, per blob or for the whole image (<see cref="Complete"/>: downloaded; <see cref="Unpacked"/>: layer directory ready).</summary>
public enum PullStatus
{
    Resolved,
    AlreadyExists,
    Waiting,
    Downloading,
    Complete,
    Extracting,
    Unpacked,
    UpToDate,
    Stored,
}
