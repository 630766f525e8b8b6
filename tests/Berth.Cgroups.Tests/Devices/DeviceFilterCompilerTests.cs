using Berth.Cgroups.Devices;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// The eBPF device filter, instruction by instruction. The expected listings are runc's devicefilter_test.go ones
/// (cilium/ebpf text), with each symbolic "goto block-N" written as the offset the assembler resolves it to.
/// </summary>
public sealed class DeviceFilterCompilerTests
{
    private const string Prologue = """
          0: LdXMemW dst: r2 src: r1 off: 0 imm: 0
          1: AndImm32 dst: r2 imm: 65535
          2: LdXMemW dst: r3 src: r1 off: 0 imm: 0
          3: RShImm32 dst: r3 imm: 16
          4: LdXMemW dst: r4 src: r1 off: 4 imm: 0
          5: LdXMemW dst: r5 src: r1 off: 8 imm: 0
        """;

    private static string Listing(IEnumerable<DeviceRule> rules) =>
        string.Join('\n', DeviceFilterCompiler.Compile(rules).Listing().Split('\n').Select(l => l.Trim()));

    private static string Expected(string body) =>
        string.Join('\n', (Prologue + "\n" + body).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    [Fact]
    public void No_rules_deny_everything()
    {
        Assert.Equal(Expected("""
            6: MovImm32 dst: r0 imm: 0
            7: Exit
            """), Listing([]));
    }

    [Fact]
    public void The_bytes_are_struct_bpf_insn_little_endian()
    {
        byte[] bytes = DeviceFilterCompiler.Compile([]).ToBytes();
        Assert.Equal(
            "611200000000000054020000ffff000061130000000000007403000010000000" +
            "61140400000000006115080000000000b4000000000000009500000000000000",
            Convert.ToHexStringLower(bytes));
        var jump = new byte[8];
        BpfInstruction.JumpIfNotEqual(2, 136, 5).WriteTo(jump);
        Assert.Equal("5502050088000000", Convert.ToHexStringLower(jump));
    }

    [Fact]
    public void Runcs_default_rules_compile_to_runcs_program()
    {
        Assert.Equal(Expected("""
            6: JNEImm dst: r2 off: 5 imm: 1
            7: MovReg32 dst: r1 src: r3
            8: AndImm32 dst: r1 imm: 1
            9: JNEReg dst: r1 off: 2 src: r3
            10: MovImm32 dst: r0 imm: 1
            11: Exit
            12: JNEImm dst: r2 off: 5 imm: 2
            13: MovReg32 dst: r1 src: r3
            14: AndImm32 dst: r1 imm: 1
            15: JNEReg dst: r1 off: 2 src: r3
            16: MovImm32 dst: r0 imm: 1
            17: Exit
            18: JNEImm dst: r2 off: 4 imm: 2
            19: JNEImm dst: r4 off: 3 imm: 1
            20: JNEImm dst: r5 off: 2 imm: 3
            21: MovImm32 dst: r0 imm: 1
            22: Exit
            23: JNEImm dst: r2 off: 4 imm: 2
            24: JNEImm dst: r4 off: 3 imm: 1
            25: JNEImm dst: r5 off: 2 imm: 5
            26: MovImm32 dst: r0 imm: 1
            27: Exit
            28: JNEImm dst: r2 off: 4 imm: 2
            29: JNEImm dst: r4 off: 3 imm: 1
            30: JNEImm dst: r5 off: 2 imm: 7
            31: MovImm32 dst: r0 imm: 1
            32: Exit
            33: JNEImm dst: r2 off: 4 imm: 2
            34: JNEImm dst: r4 off: 3 imm: 1
            35: JNEImm dst: r5 off: 2 imm: 8
            36: MovImm32 dst: r0 imm: 1
            37: Exit
            38: JNEImm dst: r2 off: 4 imm: 2
            39: JNEImm dst: r4 off: 3 imm: 1
            40: JNEImm dst: r5 off: 2 imm: 9
            41: MovImm32 dst: r0 imm: 1
            42: Exit
            43: JNEImm dst: r2 off: 4 imm: 2
            44: JNEImm dst: r4 off: 3 imm: 5
            45: JNEImm dst: r5 off: 2 imm: 0
            46: MovImm32 dst: r0 imm: 1
            47: Exit
            48: JNEImm dst: r2 off: 4 imm: 2
            49: JNEImm dst: r4 off: 3 imm: 5
            50: JNEImm dst: r5 off: 2 imm: 2
            51: MovImm32 dst: r0 imm: 1
            52: Exit
            53: JNEImm dst: r2 off: 4 imm: 2
            54: JNEImm dst: r4 off: 3 imm: 10
            55: JNEImm dst: r5 off: 2 imm: 200
            56: MovImm32 dst: r0 imm: 1
            57: Exit
            58: JNEImm dst: r2 off: 3 imm: 2
            59: JNEImm dst: r4 off: 2 imm: 136
            60: MovImm32 dst: r0 imm: 1
            61: Exit
            62: MovImm32 dst: r0 imm: 0
            63: Exit
            """), Listing(DefaultDeviceRules.Runc));
    }

    [Fact]
    public void Allow_all_is_a_program_that_returns_1()
    {
        Assert.Equal(Expected("""
            6: MovImm32 dst: r0 imm: 1
            7: Exit
            """), Listing([DeviceRule.AllowAll]));
    }

    [Fact]
    public void Allow_all_except_one_block_device()
    {
        Assert.Equal(Expected("""
            6: JNEImm dst: r2 off: 4 imm: 1
            7: JNEImm dst: r4 off: 3 imm: 8
            8: JNEImm dst: r5 off: 2 imm: 0
            9: MovImm32 dst: r0 imm: 0
            10: Exit
            11: MovImm32 dst: r0 imm: 1
            12: Exit
            """), Listing([DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Block, 8, 0, DeviceAccess.All)]));
    }

    [Fact]
    public void Rules_before_the_last_all_rule_are_dropped()
    {
        // runc's TestDeviceFilter_Weird: 8:1 is allowed, 8:2 is not.
        Assert.Equal(Listing([DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Block, 8, 2, DeviceAccess.All)]),
            Listing([new DeviceRule(false, DeviceType.Block, 8, 1, DeviceAccess.All), DeviceRule.AllowAll,
                new DeviceRule(false, DeviceType.Block, 8, 2, DeviceAccess.All)]));
    }

    [Fact]
    public void A_partial_deny_matches_any_overlap_with_the_request()
    {
        // Unlike runc's subset test, an O_RDWR open (r|w) hits "deny w", as in the v1 kernel.
        Assert.Equal(Expected("""
            6: JNEImm dst: r2 off: 7 imm: 1
            7: MovReg32 dst: r1 src: r3
            8: AndImm32 dst: r1 imm: 4
            9: JEqImm dst: r1 off: 4 imm: 0
            10: JNEImm dst: r4 off: 3 imm: 8
            11: JNEImm dst: r5 off: 2 imm: 0
            12: MovImm32 dst: r0 imm: 0
            13: Exit
            14: MovImm32 dst: r0 imm: 1
            15: Exit
            """), Listing([DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Block, 8, 0, DeviceAccess.Write)]));
    }
}
