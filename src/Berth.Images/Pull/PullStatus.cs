namespace Berth.Images.Pull;

/// <summary>The steps a pull reports, per blob or for the whole image.</summary>
public enum PullStatus
{
    Resolved,
    AlreadyExists,
    Waiting,
    Downloading,
    Complete,
    UpToDate,
    Stored,
}
