using System.Runtime.InteropServices;
using SeccompSpec = Berth.Oci.Spec.Seccomp;
using Berth.Oci.Spec;

namespace Berth.Oci.Seccomp;

/// <summary>
/// Docker's default seccomp profile as an OCI <c>linux.seccomp</c> object, built the way moby's
/// <c>seccomp.GetDefaultProfile</c> builds it for one container: refuse everything with EPERM, allow a
/// long list of ordinary syscalls, and allow the dangerous ones (mount, unshare, setns, bpf, ptrace,
/// reboot, ...) only when the capability that guards them is in the container's bounding set. The
/// architectures are the machine's own plus its compat ABIs (x86_64 also filters i386 and x32 calls,
/// so a 32-bit binary cannot slip past the filter). Pure: the caller passes capabilities, architecture
/// and kernel version.
/// </summary>
public static class DockerDefaultProfile
{
    /// <param name="boundingCaps">process.capabilities.bounding of the container ("CAP_SYS_ADMIN", ...)</param>
    /// <param name="goArch">the architecture in Go's words, as moby matches it: "amd64", "arm64", "s390x", ...</param>
    /// <param name="kernel">the host kernel version, for rules with a minimum kernel</param>
    public static SeccompSpec Create(IEnumerable<string>? boundingCaps, string goArch, Version kernel)
    {
        var caps = new HashSet<string>(boundingCaps ?? [], StringComparer.Ordinal);
        var profile = new SeccompSpec
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            DefaultErrnoRet = 1,
            Architectures = Architectures(goArch),
            Syscalls = [],
        };
        foreach (var rule in DockerDefaultProfileRules.Rules)
        {
            if (Applies(rule, caps, goArch, kernel)) profile.Syscalls.Add(ToSyscall(rule));
        }
        return profile;
    }

    /// <summary>For this machine: .NET's process architecture and the running kernel.</summary>
    public static SeccompSpec CreateForHost(IEnumerable<string>? boundingCaps) =>
        Create(boundingCaps, GoArch(RuntimeInformation.ProcessArchitecture), Environment.OSVersion.Version);

    /// <summary>.NET's architecture in Go's words ("amd64"), the names the profile's "arches" filters use.</summary>
    public static string GoArch(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "x86",
        Architecture.Arm64 => "arm64",
        Architecture.Arm or Architecture.Armv6 => "arm",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>The SCMP_ARCH_ name of the Go architecture, then its compat architectures (moby's archMap).</summary>
    private static List<string> Architectures(string goArch)
    {
        string? native = goArch switch
        {
            "amd64" => "SCMP_ARCH_X86_64",
            "x86" => "SCMP_ARCH_X86",
            "arm64" => "SCMP_ARCH_AARCH64",
            "arm" => "SCMP_ARCH_ARM",
            "s390x" => "SCMP_ARCH_S390X",
            "s390" => "SCMP_ARCH_S390",
            "ppc64le" => "SCMP_ARCH_PPC64LE",
            "riscv64" => "SCMP_ARCH_RISCV64",
            "mips64" => "SCMP_ARCH_MIPS64",
            "mipsel64" => "SCMP_ARCH_MIPSEL64",
            _ => null,
        };
        foreach (var (arch, subArches) in DockerDefaultProfileRules.ArchMap)
        {
            if (arch == native) return [arch, .. subArches];
        }
        // Not in the map (x86, arm, ppc64le, ...): moby lists no architectures, so only the native one is filtered.
        return [];
    }

    /// <summary>moby's rule: excluded if any exclude matches; otherwise every include part must hold.</summary>
    internal static bool Applies(ProfileRule rule, HashSet<string> caps, string goArch, Version kernel)
    {
        if (rule.Excludes is { } ex)
        {
            if (ex.Arches is { Length: > 0 } && ex.Arches.Contains(goArch)) return false;
            if (ex.Caps is { Length: > 0 } && ex.Caps.Any(caps.Contains)) return false;
            if (ex.MinKernel is { } min && kernel >= min) return false;
        }
        if (rule.Includes is { } inc)
        {
            if (inc.Arches is { Length: > 0 } && !inc.Arches.Contains(goArch)) return false;
            if (inc.Caps is { Length: > 0 } && !inc.Caps.All(caps.Contains)) return false;
            if (inc.MinKernel is { } min && kernel < min) return false;
        }
        return true;
    }

    private static SeccompSyscall ToSyscall(ProfileRule rule) => new()
    {
        Names = [.. rule.Names],
        Action = rule.Action,
        ErrnoRet = rule.ErrnoRet,
        Args = rule.Args?.Select(a => new SeccompArg { Index = a.Index, Value = a.Value, ValueTwo = a.ValueTwo, Op = a.Op }).ToList(),
    };
}
