using System.Runtime.InteropServices;
using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// Compiles "linux.seccomp" into a BPF program with libseccomp, in the runtime process: seccomp_init with
/// the default action, seccomp_arch_add per architecture, seccomp_rule_add_array per syscall name, then
/// seccomp_export_bpf into a memfd. A syscall name libseccomp does not know (a newer kernel's, a typo)
/// is skipped as runc and crun skip it, and named in the trace and on stderr with --debug.
/// </summary>
public static unsafe class SeccompCompiler
{
    private const int ScmpError = -1; // __NR_SCMP_ERROR
    private const int EEXIST = 17;
    private const int MaxInstructions = 4096;

    /// <summary>Null when the spec asks for no filter.</summary>
    public static SeccompProgram? Compile(SeccompSpec? spec)
    {
        var plan = SeccompPlan.FromSpec(spec, SeccompKernel.IsFlagSupported);
        if (plan is null) return null;
        RequireLibrary();
        nint ctx = LibSeccomp.seccomp_init(plan.DefaultAction);
        if (ctx == 0) throw new BerthException("linux.seccomp: seccomp_init failed (libseccomp rejected the default action)");
        try
        {
            AddArchitectures(ctx, plan.Architectures);
            if (plan.Rules.Count > 32) LibSeccomp.seccomp_attr_set(ctx, LibSeccomp.AttrOptimize, 2);
            AddRules(ctx, plan.Rules);
            byte[] filter = WithEnosysStub(Export(ctx), plan);
            if (filter.Length / BpfInstruction.Size > MaxInstructions)
            {
                throw new BerthException($"linux.seccomp: the filter has {filter.Length / BpfInstruction.Size} instructions; the kernel accepts at most {MaxInstructions} (BPF_MAXINSNS)");
            }
            var program = new SeccompProgram { Filter = filter, Flags = plan.Flags, DefaultAction = SeccompActions.Describe(plan.DefaultAction) };
            Trace.Step($"seccomp: compiled {plan.Rules.Count} rules with libseccomp {Version()}: {program.Describe()}");
            return program;
        }
        finally
        {
            LibSeccomp.seccomp_release(ctx);
        }
    }

    /// <summary>Whether libseccomp.so.2 can be loaded (features reports seccomp only then).</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(LibSeccomp.Lib, out nint handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>"2.5.4".</summary>
    public static string Version()
    {
        var v = LibSeccomp.seccomp_version();
        return v == null ? "?" : $"{v->Major}.{v->Minor}.{v->Micro}";
    }

    /// <summary>The SCMP_ARCH_ name's token in libseccomp ("SCMP_ARCH_X86_64" → "x86_64"), or 0 if it does not know it.</summary>
    public static uint ArchitectureToken(string name) =>
        LibSeccomp.seccomp_arch_resolve_name(name.Replace("SCMP_ARCH_", "", StringComparison.Ordinal).ToLowerInvariant());

    private static void RequireLibrary()
    {
        if (!IsAvailable())
        {
            throw new BerthException($"linux.seccomp: {LibSeccomp.Lib} not found; install libseccomp2 (apt-get install libseccomp2) or remove linux.seccomp");
        }
    }

    private static void AddArchitectures(nint ctx, IReadOnlyList<string> architectures)
    {
        for (int i = 0; i < architectures.Count; i++)
        {
            uint token = ArchitectureToken(architectures[i]);
            if (token == 0)
            {
                throw new BerthException($"linux.seccomp.architectures[{i}]: {architectures[i]} is not known to libseccomp {Version()}");
            }
            int rc = LibSeccomp.seccomp_arch_add(ctx, token);
            if (rc < 0 && rc != -EEXIST)
            {
                throw new BerthException($"linux.seccomp.architectures[{i}]: adding {architectures[i]}: {SyscallException.Describe(-rc)}");
            }
        }
    }

    private static void AddRules(nint ctx, IReadOnlyList<SeccompRule> rules)
    {
        foreach (var rule in rules)
        {
            int nr = LibSeccomp.seccomp_syscall_resolve_name(rule.Syscall);
            if (nr == ScmpError)
            {
                if (!IsKnownAnywhere(rule.Syscall))
                {
                    throw new BerthException($"{rule.Field}: unknown syscall '{rule.Syscall}': no architecture has a system call of that name (a typo?)");
                }
                Trace.Debug($"seccomp: {rule.Field}: unknown syscall '{rule.Syscall}' skipped (libseccomp {Version()} does not know it on this architecture)");
                continue;
            }
            int rc = AddRule(ctx, rule, nr);
            if (rc < 0)
            {
                throw new BerthException($"{rule.Field}: libseccomp refused the rule for '{rule.Syscall}' "
                    + $"({SeccompActions.Describe(rule.Action)}): {SyscallException.Describe(-rc)}");
            }
        }
    }

    /// <summary>
    /// A name this architecture lacks is skipped, as runc and crun do (profiles list calls of other
    /// architectures, and calls newer than the libseccomp here). A name no architecture has is a mistake.
    /// </summary>
    private static bool IsKnownAnywhere(string name)
    {
        if (NewerSyscalls.Contains(name)) return true;
        foreach (string arch in Oci.Linux.SeccompNames.Architectures)
        {
            uint token = ArchitectureToken(arch);
            if (token != 0 && LibSeccomp.seccomp_syscall_resolve_name_arch(token, name) != ScmpError) return true;
        }
        return false;
    }

    /// <summary>System calls added to Linux after libseccomp 2.5.4's tables (6.1 to 6.17).</summary>
    private static readonly HashSet<string> NewerSyscalls = new(StringComparer.Ordinal)
    {
        "cachestat", "fchmodat2", "map_shadow_stack", "futex_wake", "futex_wait", "futex_requeue", "statmount",
        "listmount", "lsm_get_self_attr", "lsm_set_self_attr", "lsm_list_modules", "mseal", "setxattrat",
        "getxattrat", "listxattrat", "removexattrat", "open_tree_attr", "uretprobe", "file_getattr", "file_setattr",
    };

    private static int AddRule(nint ctx, SeccompRule rule, int nr)
    {
        var cmps = stackalloc ScmpArgCmp[rule.Conditions.Count];
        for (int i = 0; i < rule.Conditions.Count; i++)
        {
            var c = rule.Conditions[i];
            cmps[i] = new ScmpArgCmp { Arg = c.Index, Op = c.Op, DatumA = c.Value, DatumB = c.ValueTwo };
        }
        return LibSeccomp.seccomp_rule_add_array(ctx, rule.Action, nr, (uint)rule.Conditions.Count, rule.Conditions.Count == 0 ? null : cmps);
    }

    /// <summary>runc's -ENOSYS stub in front of the filter (see <see cref="EnosysStub"/>), unless the default lets calls through.</summary>
    private static byte[] WithEnosysStub(byte[] filter, SeccompPlan plan)
    {
        if (plan.DefaultIsEnosys || SeccompActions.IsPermissive(plan.DefaultAction)) return filter;
        var arches = HighestSyscalls(plan);
        if (arches.Count == 0) return filter;
        var stub = EnosysStub.Build(arches);
        Trace.Step($"seccomp: -ENOSYS stub ({stub.Count} instructions) for syscalls above {string.Join(", ", arches.Select(a => $"{a.MaxSyscall} (arch 0x{a.Token:x})"))}");
        return [.. BpfInstruction.ToBytes(stub), .. filter];
    }

    /// <summary>Per filtered architecture (the native one and those listed), the highest syscall number the profile names.</summary>
    public static List<EnosysStub.ArchMax> HighestSyscalls(SeccompPlan plan)
    {
        var tokens = new List<uint> { LibSeccomp.seccomp_arch_native() };
        foreach (string arch in plan.Architectures)
        {
            uint token = ArchitectureToken(arch);
            if (token != 0 && !tokens.Contains(token)) tokens.Add(token);
        }
        var result = new List<EnosysStub.ArchMax>();
        foreach (uint token in tokens)
        {
            int max = plan.SyscallNames.Select(name => LibSeccomp.seccomp_syscall_resolve_name_arch(token, name)).DefaultIfEmpty(-1).Max();
            if (max > 0) result.Add(new EnosysStub.ArchMax(token, (uint)max));
        }
        return result;
    }

    /// <summary>seccomp_export_bpf writes the program to an fd: a memfd, read back from the start.</summary>
    private static byte[] Export(nint ctx)
    {
        int fd = Libc.memfd_create("berth-seccomp", 1 /* MFD_CLOEXEC */);
        if (fd < 0) throw Sys.Error("memfd_create for the seccomp program");
        try
        {
            int rc = LibSeccomp.seccomp_export_bpf(ctx, fd);
            if (rc < 0) throw new BerthException($"linux.seccomp: seccomp_export_bpf: {SyscallException.Describe(-rc)}");
            long size = Libc.lseek(fd, 0, 1 /* SEEK_CUR */);
            if (size < 0 || Libc.lseek(fd, 0, 0 /* SEEK_SET */) < 0) throw Sys.Error("lseek on the seccomp memfd");
            var bytes = new byte[size];
            fixed (byte* p = bytes)
            {
                for (long done = 0; done < size;)
                {
                    nint n = Libc.read(fd, p + done, (nuint)(size - done));
                    if (n <= 0) throw Sys.Error("read the exported seccomp program");
                    done += n;
                }
            }
            return bytes;
        }
        finally
        {
            Libc.close(fd);
        }
    }
}
