namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.seccomp.syscalls[]": an action for a set of syscalls.</summary>
public sealed class SeccompSyscall
{
    public List<string> Names { get; set; } = new();
    public string Action { get; set; } = "";
    public uint? ErrnoRet { get; set; }
    public List<SeccompArg>? Args { get; set; }
}
