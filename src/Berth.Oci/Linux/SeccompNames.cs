namespace Berth.Oci.Linux;

/// <summary>
/// The names config-linux.md "linux.seccomp" uses: actions (what happens when a rule matches), argument
/// operators, architectures (libseccomp's SCMP_ARCH_ names) and the flags of the seccomp(2) syscall.
/// </summary>
public static class SeccompNames
{
    public static IReadOnlyList<string> Actions { get; } =
    [
        "SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
        "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP",
    ];

    public static IReadOnlyList<string> Operators { get; } =
    [
        "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_LE", "SCMP_CMP_LT", "SCMP_CMP_MASKED_EQ", "SCMP_CMP_NE",
    ];

    public static IReadOnlyList<string> Architectures { get; } =
    [
        "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM", "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64",
        "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64", "SCMP_ARCH_PPC",
        "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE", "SCMP_ARCH_RISCV64", "SCMP_ARCH_S390", "SCMP_ARCH_S390X",
        "SCMP_ARCH_X32", "SCMP_ARCH_X86", "SCMP_ARCH_X86_64",
    ];

    public static IReadOnlyList<string> Flags { get; } =
    [
        "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_TSYNC",
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV",
    ];

    /// <summary>The highest syscall argument index: a syscall has at most six arguments (0..5).</summary>
    public const uint MaxArgIndex = 5;

    /// <summary>The largest errno the kernel returns from a filter (MAX_ERRNO); larger values are capped.</summary>
    public const uint MaxErrno = 4095;

    public static bool IsAction(string? name) => name is not null && Actions.Contains(name);

    public static bool IsOperator(string? name) => name is not null && Operators.Contains(name);

    public static bool IsArchitecture(string? name) => name is not null && Architectures.Contains(name);

    public static bool IsFlag(string? name) => name is not null && Flags.Contains(name);
}
