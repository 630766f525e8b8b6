namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process".</summary>
public sealed class Process
{
    public bool Terminal { get; set; }
    public ConsoleSize? ConsoleSize { get; set; }
    public User User { get; set; } = new();
    public List<string>? Args { get; set; }
    public string? CommandLine { get; set; }
    public List<string>? Env { get; set; }
    /// <summary>REQUIRED, absolute. Empty when the document leaves it out, so that validation can say so.</summary>
    public string Cwd { get; set; } = "";
    public Capabilities? Capabilities { get; set; }
    public List<Rlimit>? Rlimits { get; set; }
    public bool NoNewPrivileges { get; set; }
    public string? ApparmorProfile { get; set; }
    public int? OomScoreAdj { get; set; }
    public string? SelinuxLabel { get; set; }
    public Scheduler? Scheduler { get; set; }
    public IoPriority? IoPriority { get; set; }
    public ExecCpuAffinity? ExecCPUAffinity { get; set; }
}
