namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.seccomp.syscalls[].args[]": a comparison on one syscall argument.</summary>
public sealed class SeccompArg
{
    public uint Index { get; set; }
    public ulong Value { get; set; }
    public ulong ValueTwo { get; set; }
    public string Op { get; set; } = "";
}
