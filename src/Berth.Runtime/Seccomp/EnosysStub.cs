namespace Berth.Runtime.Seccomp;

/// <summary>
/// The -ENOSYS stub runc puts in front of a filter (libcontainer/seccomp/patchbpf). A profile written
/// before a syscall existed refuses it with its default errno, EPERM for Docker's; but programs probe
/// new syscalls (clone3, openat2, faccessat2, ...) and only fall back to the old one on ENOSYS ("this
/// kernel does not have it"). So: for each architecture, a syscall number above the highest one the
/// profile names returns ENOSYS; everything else runs the profile's own filter. Not added when the
/// default action lets calls through (ALLOW, LOG, TRACE) or is ENOSYS already. Pure: the highest
/// numbers per architecture come from the caller (libseccomp's tables).
/// </summary>
public static class EnosysStub
{
    public const uint AuditArchX86_64 = 0xc000003e, X32Token = 0x4000003e, X32SyscallBit = 0x40000000;
    private const uint AuditArchS390 = 0x00000016, AuditArchS390X = 0x80000016;
    private static readonly uint RetEnosys = SeccompActions.Errno | 38;

    /// <summary>The highest syscall number of one libseccomp architecture (SCMP_ARCH_* token, x32 = 0x4000003e).</summary>
    public readonly record struct ArchMax(uint Token, uint MaxSyscall);

    /// <summary>The stub's instructions; its fall-through and every "run the filter" jump land right after it.</summary>
    public static List<BpfInstruction> Build(IReadOnlyList<ArchMax> arches)
    {
        var groups = arches.GroupBy(a => a.Token == X32Token ? AuditArchX86_64 : a.Token).ToList();
        var stub = new List<BpfInstruction> { BpfInstruction.Load(BpfInstruction.ArchOffset) };
        var sectionJumps = new List<int>();
        foreach (var group in groups)
        {
            stub.Add(BpfInstruction.Jeq(group.Key, 0, 1));
            sectionJumps.Add(stub.Count);
            stub.Add(BpfInstruction.Ja(0)); // to the section, fixed below
        }
        var filterJumps = new List<int> { stub.Count };
        stub.Add(BpfInstruction.Ja(0)); // unknown architecture: the filter decides (its bad-arch action)
        for (int g = 0; g < groups.Count; g++)
        {
            stub[sectionJumps[g]] = BpfInstruction.Ja((uint)(stub.Count - sectionJumps[g] - 1));
            AddSection(stub, groups[g].Key, groups[g].ToList(), filterJumps);
        }
        foreach (int at in filterJumps) stub[at] = BpfInstruction.Ja((uint)(stub.Count - at - 1));
        return stub;
    }

    private static void AddSection(List<BpfInstruction> stub, uint auditArch, List<ArchMax> modes, List<int> filterJumps)
    {
        stub.Add(BpfInstruction.Load(BpfInstruction.NrOffset));
        if (auditArch is AuditArchS390 or AuditArchS390X)
        {
            // s390 multiplexes syscalls it does not know through number 0 (the long-gone setup(2)).
            stub.Add(BpfInstruction.Jeq(0, 0, 1));
            stub.Add(BpfInstruction.Ret(RetEnosys));
        }
        if (auditArch != AuditArchX86_64)
        {
            AddCheck(stub, modes[0].MaxSyscall, filterJumps);
            return;
        }
        // x86_64 and x32 share the audit arch; x32 calls have bit 30 set in the number.
        uint? x32 = modes.FirstOrDefault(m => m.Token == X32Token) is { Token: X32Token } m32 ? m32.MaxSyscall : null;
        uint? x64 = modes.FirstOrDefault(m => m.Token != X32Token) is { Token: AuditArchX86_64 } m64 ? m64.MaxSyscall : null;
        stub.Add(BpfInstruction.Jset(X32SyscallBit, 0, (byte)(x32 is null ? 1 : 3)));
        AddCheck(stub, x32, filterJumps);
        AddCheck(stub, x64, filterJumps);
    }

    /// <summary>nr &gt; max → ENOSYS, else the filter; with no max (the mode is not filtered), straight to the filter.</summary>
    private static void AddCheck(List<BpfInstruction> stub, uint? max, List<int> filterJumps)
    {
        if (max is { } k)
        {
            stub.Add(BpfInstruction.Jgt(k, 0, 1));
            stub.Add(BpfInstruction.Ret(RetEnosys));
        }
        filterJumps.Add(stub.Count);
        stub.Add(BpfInstruction.Ja(0));
    }
}
