namespace Berth.Cgroups.Devices;

/// <summary>
/// Compiles device rules into a cgroup2 device filter, the way runc's devicefilter.go and crun's ebpf.c do.
/// The rules are first reduced to their canonical form (<see cref="DeviceRuleSet"/>: a default plus exceptions that
/// all have the opposite action), so block order does not matter and the outcome is the one the v1 kernel would
/// give for the same rules (last matching rule wins, deny-all to start). The program:
/// <code>
///   r2 = ctx->access_type &amp; 0xffff   // device type: BPF_DEVCG_DEV_BLOCK = 1, CHAR = 2
///   r3 = ctx->access_type &gt;&gt; 16       // requested access: MKNOD = 1, READ = 2, WRITE = 4
///   r4 = ctx->major; r5 = ctx->minor
///   for each exception: if (type, access, major, minor match) return exception's action
///   return default
/// </code>
/// An allow exception matches when every requested access is in its access (runc's test); a deny exception
/// matches when any requested access is in its access, as the v1 kernel's partial match does (runc and crun use
/// the subset test for deny rules too, which lets an O_RDWR open through a "deny w" rule). Rules with all three
/// accesses skip the access test, so for them the bytes equal runc's.
/// </summary>
public static class DeviceFilterCompiler
{
    public const string License = "Apache";

    private const byte R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5;
    private const int DevBlock = 1, DevChar = 2;

    /// <summary>Compiles rules applied in order from deny-all (a spec's linux.resources.devices plus any defaults).</summary>
    public static DeviceFilterProgram Compile(IEnumerable<DeviceRule> rules) => Compile(DeviceRuleSet.FromRules(rules));

    public static DeviceFilterProgram Compile(DeviceRuleSet rules)
    {
        var program = new List<BpfInstruction>
        {
            BpfInstruction.LoadWord(R2, R1, 0),
            BpfInstruction.And32(R2, 0xffff),
            BpfInstruction.LoadWord(R3, R1, 0),
            BpfInstruction.RightShift32(R3, 16),
            BpfInstruction.LoadWord(R4, R1, 4),
            BpfInstruction.LoadWord(R5, R1, 8),
        };
        foreach (var (key, access) in rules.Exceptions)
        {
            program.AddRange(Block(key, access, allow: !rules.DefaultAllow));
        }
        program.Add(BpfInstruction.Move32(R0, rules.DefaultAllow ? 1 : 0));
        program.Add(BpfInstruction.Return());
        return new DeviceFilterProgram(program, License, rules);
    }

    /// <summary>Tests for one exception, each jumping past the block on a mismatch, then "return action".</summary>
    private static List<BpfInstruction> Block(DeviceKey key, DeviceAccess access, bool allow)
    {
        var block = new List<BpfInstruction>
        {
            BpfInstruction.JumpIfNotEqual(R2, key.Type == DeviceType.Block ? DevBlock : DevChar, 0),
        };
        if (access != DeviceAccess.All)
        {
            block.Add(BpfInstruction.Move32(R1, R3));
            block.Add(BpfInstruction.And32(R1, (int)access));
            block.Add(allow
                ? BpfInstruction.JumpIfNotEqual(R1, R3, 0)    // (request & access) != request: not all of it allowed
                : BpfInstruction.JumpIfEqual(R1, 0, 0));      // (request & access) == 0: none of it denied
        }
        if (key.Major is uint major)
        {
            block.Add(BpfInstruction.JumpIfNotEqual(R4, unchecked((int)major), 0));
        }
        if (key.Minor is uint minor)
        {
            block.Add(BpfInstruction.JumpIfNotEqual(R5, unchecked((int)minor), 0));
        }
        block.Add(BpfInstruction.Move32(R0, allow ? 1 : 0));
        block.Add(BpfInstruction.Return());
        for (int i = 0; i < block.Count; i++)
        {
            if (block[i].IsJump)
            {
                block[i] = block[i] with { Offset = (short)(block.Count - i - 1) }; // land on the next block
            }
        }
        return block;
    }
}
