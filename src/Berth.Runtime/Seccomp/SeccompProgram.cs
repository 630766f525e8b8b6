using System.Text.Json.Serialization;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// A compiled seccomp filter: classic BPF instructions (struct sock_filter, 8 bytes each, host byte order)
/// ready for seccomp(SECCOMP_SET_MODE_FILTER, <see cref="Flags"/>, prog). The runtime compiles it with
/// libseccomp and sends it in the init's config, so the init needs only these bytes, not libseccomp.
/// </summary>
public sealed class SeccompProgram
{
    public byte[] Filter { get; set; } = [];
    public uint Flags { get; set; }
    /// <summary>"SCMP_ACT_ERRNO(EPERM)", for the trace.</summary>
    public string DefaultAction { get; set; } = "";

    [JsonIgnore]
    public int InstructionCount => Filter.Length / 8;

    /// <summary>Loading it returns a user-notification fd, for the agent at linux.seccomp.listenerPath.</summary>
    [JsonIgnore]
    public bool HasListener => (Flags & SeccompFlags.NewListener) != 0;

    public string Describe() =>
        $"{InstructionCount} instructions, default action {DefaultAction}, flags {SeccompFlags.Describe(Flags)}";
}
