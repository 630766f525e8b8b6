using Berth.Oci.Linux;
using Berth.Oci.Spec;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Oci;

/// <summary>
/// The "linux.seccomp" rules: every action, operator, architecture and flag must be one the spec names,
/// argument indexes 0..5, errno values the kernel can return. Syscall names are not checked here: a name
/// this libseccomp does not know is skipped when the filter is compiled (as runc and crun do), because
/// profiles list syscalls of newer kernels and other architectures.
/// </summary>
public static partial class SpecValidator
{
    private static void CheckSeccomp(SeccompSpec? seccomp)
    {
        if (seccomp is null) return;
        const string field = "linux.seccomp";
        if (string.IsNullOrEmpty(seccomp.DefaultAction))
        {
            if (seccomp.Syscalls is not { Count: > 0 }) return; // runc: no default action and no rules = no filter
            throw new InvalidSpecException($"{field}.defaultAction: missing (e.g. \"SCMP_ACT_ERRNO\")");
        }
        CheckAction(seccomp.DefaultAction, field + ".defaultAction");
        CheckErrno(seccomp.DefaultErrnoRet, field + ".defaultErrnoRet");
        CheckNames(seccomp.Architectures, field + ".architectures", SeccompNames.IsArchitecture, SeccompNames.Architectures);
        CheckNames(seccomp.Flags, field + ".flags", SeccompNames.IsFlag, SeccompNames.Flags);
        if (!string.IsNullOrEmpty(seccomp.ListenerPath)) CheckAbsolute(seccomp.ListenerPath, field + ".listenerPath");
        for (int i = 0; i < (seccomp.Syscalls?.Count ?? 0); i++)
        {
            CheckSeccompSyscall(Entry(seccomp.Syscalls![i], $"{field}.syscalls[{i}]"), $"{field}.syscalls[{i}]");
        }
    }

    private static void CheckSeccompSyscall(SeccompSyscall syscall, string field)
    {
        if (syscall.Names is not { Count: > 0 })
        {
            throw new InvalidSpecException($"{field}.names: missing (at least one syscall name, e.g. [\"mkdir\"])");
        }
        for (int j = 0; j < syscall.Names.Count; j++)
        {
            if (string.IsNullOrEmpty(syscall.Names[j]))
            {
                throw new InvalidSpecException($"{field}.names[{j}]: must be a syscall name, got an empty string");
            }
        }
        CheckAction(syscall.Action, field + ".action");
        CheckErrno(syscall.ErrnoRet, field + ".errnoRet");
        for (int k = 0; k < (syscall.Args?.Count ?? 0); k++)
        {
            string argField = $"{field}.args[{k}]";
            var arg = Entry(syscall.Args![k], argField);
            if (arg.Index > SeccompNames.MaxArgIndex)
            {
                throw new InvalidSpecException($"{argField}.index: must be 0..{SeccompNames.MaxArgIndex} (a syscall has six arguments), got {arg.Index}");
            }
            if (!SeccompNames.IsOperator(arg.Op))
            {
                throw new InvalidSpecException(
                    $"{argField}.op: unknown operator '{arg.Op}' (known: {string.Join(", ", SeccompNames.Operators)})");
            }
        }
    }

    private static void CheckAction(string? action, string field)
    {
        if (string.IsNullOrEmpty(action))
        {
            throw new InvalidSpecException($"{field}: missing (one of {string.Join(", ", SeccompNames.Actions)})");
        }
        if (!SeccompNames.IsAction(action))
        {
            throw new InvalidSpecException($"{field}: unknown action '{action}' (known: {string.Join(", ", SeccompNames.Actions)})");
        }
    }

    private static void CheckErrno(uint? errno, string field)
    {
        if (errno > SeccompNames.MaxErrno)
        {
            throw new InvalidSpecException($"{field}: must be an errno number 0..{SeccompNames.MaxErrno}, got {errno}");
        }
    }

    private static void CheckNames(List<string>? names, string field, Func<string?, bool> isKnown, IReadOnlyList<string> known)
    {
        for (int i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!isKnown(names![i]))
            {
                throw new InvalidSpecException($"{field}[{i}]: unknown value '{names[i]}' (known: {string.Join(", ", known)})");
            }
        }
    }
}
