using Berth.Oci;
using Berth.Oci.Spec;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// The pure translation of "linux.seccomp" into what libseccomp is given (runc's specconv.SetupSeccomp
/// and seccomp.InitSeccomp): the default action, the architectures, one <see cref="SeccompRule"/> per
/// syscall name, and the seccomp(2) flags. Follows runc where the spec leaves room: a rule whose action
/// equals the default is dropped (it could not change anything); conditions on the same argument
/// become separate rules (libseccomp cannot AND two tests on one argument, runc ORs them); no "flags"
/// at all means SPEC_ALLOW when the kernel has it.
/// </summary>
public sealed class SeccompPlan
{
    private const string Field = "linux.seccomp";

    public uint DefaultAction { get; private init; }
    public IReadOnlyList<string> Architectures { get; private init; } = [];
    public uint Flags { get; private init; }
    public IReadOnlyList<SeccompRule> Rules { get; private init; } = [];
    /// <summary>Every syscall name the profile mentions, whatever its action (for the -ENOSYS stub's highest numbers).</summary>
    public IReadOnlyList<string> SyscallNames { get; private init; } = [];
    /// <summary>The default errno is ENOSYS already, so the -ENOSYS stub would add nothing.</summary>
    public bool DefaultIsEnosys { get; private init; }

    /// <summary>Null when there is nothing to filter (no defaultAction and no syscalls, as runc treats it).</summary>
    /// <param name="isFlagSupported">whether this kernel accepts a seccomp flag bit</param>
    public static SeccompPlan? FromSpec(SeccompSpec? spec, Func<uint, bool> isFlagSupported)
    {
        if (spec is null || (string.IsNullOrEmpty(spec.DefaultAction) && spec.Syscalls is not { Count: > 0 })) return null;
        bool listener = !string.IsNullOrEmpty(spec.ListenerPath);
        if (listener && !isFlagSupported(SeccompFlags.NewListener))
        {
            throw new BerthException($"{Field}.listenerPath: this kernel has no seccomp user notification (SECCOMP_FILTER_FLAG_NEW_LISTENER, Linux 5.0)");
        }
        uint defaultAction = SeccompActions.Encode(spec.DefaultAction, spec.DefaultErrnoRet, Field + ".defaultAction");
        if (defaultAction == SeccompActions.Notify)
        {
            throw new InvalidSpecException($"{Field}.defaultAction: SCMP_ACT_NOTIFY cannot be the default action (the init could not even write its own messages)");
        }
        return new SeccompPlan
        {
            DefaultAction = defaultAction,
            Architectures = spec.Architectures ?? [],
            Flags = FlagBits(spec.Flags, isFlagSupported, listener) | (listener ? SeccompFlags.NewListener : 0),
            Rules = BuildRules(spec.Syscalls ?? [], defaultAction, listener),
            SyscallNames = (spec.Syscalls ?? []).SelectMany(s => s.Names).Distinct().ToList(),
            DefaultIsEnosys = spec.DefaultAction == "SCMP_ACT_ERRNO" && spec.DefaultErrnoRet == 38,
        };
    }

    private static uint FlagBits(List<string>? flags, Func<uint, bool> isFlagSupported, bool listener)
    {
        if (flags is null) return isFlagSupported(SeccompFlags.SpecAllow) ? SeccompFlags.SpecAllow : 0;
        uint bits = 0;
        for (int i = 0; i < flags.Count; i++)
        {
            string field = $"{Field}.flags[{i}]";
            uint bit = SeccompFlags.ToBit(flags[i], field);
            if (bit == SeccompFlags.WaitKillableRecv && !listener)
            {
                throw new InvalidSpecException($"{field}: {flags[i]} only applies to a seccomp listener: set {Field}.listenerPath or remove the flag");
            }
            if (!isFlagSupported(bit))
            {
                throw new BerthException($"{field}: {flags[i]} is not supported by this kernel (remove it from config.json)");
            }
            bits |= bit;
        }
        return bits;
    }

    private static List<SeccompRule> BuildRules(List<SeccompSyscall> syscalls, uint defaultAction, bool listener)
    {
        var rules = new List<SeccompRule>();
        for (int i = 0; i < syscalls.Count; i++)
        {
            string field = $"{Field}.syscalls[{i}]";
            var syscall = syscalls[i] ?? throw new InvalidSpecException($"{field}: must be an object, got null");
            uint action = SeccompActions.Encode(syscall.Action, syscall.ErrnoRet, field + ".action");
            if (action == SeccompActions.Notify) CheckNotify(syscall, field, listener);
            if (action == defaultAction) continue;
            var conditions = Conditions(syscall.Args, field);
            foreach (string name in syscall.Names)
            {
                AddRules(rules, name, action, conditions, field);
            }
        }
        return rules;
    }

    /// <summary>
    /// SCMP_ACT_NOTIFY hands the call to the agent at listenerPath, so there must be one. The init itself still
    /// writes to the runtime after the filter is loaded (the listener's fd, "ready"): a rule that sent its own
    /// write or sendmsg to an agent that has not got the fd yet would never return (runc refuses write too).
    /// </summary>
    private static void CheckNotify(SeccompSyscall syscall, string field, bool listener)
    {
        if (!listener)
        {
            throw new InvalidSpecException($"{field}.action: SCMP_ACT_NOTIFY needs {Field}.listenerPath (the unix socket of the agent that answers the calls)");
        }
        foreach (string name in syscall.Names)
        {
            if (name is "write" or "sendmsg")
            {
                throw new InvalidSpecException($"{field}.action: SCMP_ACT_NOTIFY cannot be used for {name} (the init needs it to hand over the listener)");
            }
        }
    }

    private static List<SeccompCondition> Conditions(List<SeccompArg>? args, string field)
    {
        var conditions = new List<SeccompCondition>();
        for (int k = 0; k < (args?.Count ?? 0); k++)
        {
            var arg = args![k] ?? throw new InvalidSpecException($"{field}.args[{k}]: must be an object, got null");
            if (arg.Index > Oci.Linux.SeccompNames.MaxArgIndex)
            {
                throw new InvalidSpecException($"{field}.args[{k}].index: must be 0..5, got {arg.Index}");
            }
            int op = SeccompCondition.OperatorNumber(arg.Op, $"{field}.args[{k}].op");
            conditions.Add(new SeccompCondition(arg.Index, op, arg.Value, arg.ValueTwo));
        }
        return conditions;
    }

    /// <summary>All conditions in one rule (AND), or, when two test the same argument, one rule each (OR) as runc does.</summary>
    private static void AddRules(List<SeccompRule> rules, string name, uint action, List<SeccompCondition> conditions, string field)
    {
        bool sameArgumentTwice = conditions.GroupBy(c => c.Index).Any(g => g.Count() > 1);
        if (!sameArgumentTwice)
        {
            rules.Add(new SeccompRule(name, action, conditions, field));
            return;
        }
        foreach (var condition in conditions)
        {
            rules.Add(new SeccompRule(name, action, [condition], field));
        }
    }
}
