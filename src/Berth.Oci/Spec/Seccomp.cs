namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.seccomp": the seccomp filter.</summary>
public sealed class Seccomp
{
    public string DefaultAction { get; set; } = "";
    public uint? DefaultErrnoRet { get; set; }
    public List<string>? Architectures { get; set; }
    public List<string>? Flags { get; set; }
    public string? ListenerPath { get; set; }
    public string? ListenerMetadata { get; set; }
    public List<SeccompSyscall>? Syscalls { get; set; }
}
