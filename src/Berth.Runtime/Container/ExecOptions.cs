namespace Berth.Runtime.Container;

/// <summary>The flags of `exec`, as runc names them.</summary>
public sealed class ExecOptions
{
    public string Id { get; set; } = "";
    /// <summary>--process FILE: the whole process object; the flags below then only add to it where runc lets them.</summary>
    public Oci.Spec.Process? Process { get; set; }
    /// <summary>The command and its arguments (after the container id).</summary>
    public List<string> Args { get; set; } = [];
    public List<string> Env { get; set; } = [];
    public string? Cwd { get; set; }
    /// <summary>--user "UID[:GID]" (numbers, as runc takes them).</summary>
    public string? User { get; set; }
    public List<uint> AdditionalGids { get; set; } = [];
    public List<string> Caps { get; set; } = [];
    public bool Tty { get; set; }
    public bool NoNewPrivs { get; set; }
    public string? ConsoleSocket { get; set; }
    public bool Detach { get; set; }
    public string? PidFile { get; set; }
    public int PreserveFds { get; set; }
    public bool IgnorePaused { get; set; }
}
