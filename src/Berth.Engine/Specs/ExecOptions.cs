namespace Berth.Engine.Specs;

/// <summary>What `berth exec` was asked for (docker's flags).</summary>
public sealed class ExecOptions
{
    public List<string> Cmd { get; set; } = [];
    /// <summary>-e KEY=VALUE (or KEY: the host's value), on top of the container's environment.</summary>
    public List<string> Env { get; set; } = [];
    /// <summary>-u user[:group]; null = the container's user.</summary>
    public string? User { get; set; }
    /// <summary>-w DIR; null = the container's working directory.</summary>
    public string? WorkingDir { get; set; }
    public bool Tty { get; set; }
    public bool Interactive { get; set; }
    public bool Detach { get; set; }
    /// <summary>--privileged: every capability for this process.</summary>
    public bool Privileged { get; set; }
    /// <summary>With -t: the caller's terminal size (rows, columns), the pty's size from the start.</summary>
    public (ushort Rows, ushort Columns)? ConsoleSize { get; set; }
}
