namespace Berth.Runtime.Container;

/// <summary>The flags of `create` (and `run`), as runc names them.</summary>
public sealed class CreateOptions
{
    public string Id { get; set; } = "";
    public string Bundle { get; set; } = ".";
    public string? PidFile { get; set; }
    public string? ConsoleSocket { get; set; }
    public bool NoPivot { get; set; }
    public int PreserveFds { get; set; }
    /// <summary>An already-connected console socket (used by `run` to receive the pty itself).</summary>
    public int ConsoleSocketFd { get; set; } = -1;
    /// <summary>`run`: the init may exec the user process as soon as it is ready (see ContainerCreation.StartsAtOnce).</summary>
    public bool StartAtOnce { get; set; }
}
