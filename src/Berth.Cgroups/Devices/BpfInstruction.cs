using System.Buffers.Binary;
using System.Globalization;

namespace Berth.Cgroups.Devices;

/// <summary>
/// One eBPF instruction (struct bpf_insn, 8 bytes little-endian): opcode; destination register in the low 4 bits
/// and source register in the high 4 bits of the next byte; a signed 16-bit offset (for jumps: instructions to
/// skip after this one); a signed 32-bit immediate. Only the opcodes the device filter needs are named here.
/// </summary>
public readonly record struct BpfInstruction(byte Opcode, byte Dst, byte Src, short Offset, int Imm)
{
    public const int Size = 8;

    // Classes, operations and sources from include/uapi/linux/bpf_common.h and bpf.h.
    public const byte LdxMemW = 0x61;    // BPF_LDX | BPF_MEM | BPF_W: dst = *(u32 *)(src + off)
    public const byte AndImm32 = 0x54;   // BPF_ALU | BPF_AND | BPF_K: dst = (u32)(dst & imm)
    public const byte RshImm32 = 0x74;   // BPF_ALU | BPF_RSH | BPF_K: dst = (u32)dst >> imm
    public const byte MovReg32 = 0xbc;   // BPF_ALU | BPF_MOV | BPF_X: dst = (u32)src
    public const byte MovImm32 = 0xb4;   // BPF_ALU | BPF_MOV | BPF_K: dst = (u32)imm
    public const byte JeqImm = 0x15;     // BPF_JMP | BPF_JEQ | BPF_K: if dst == imm, skip off
    public const byte JneImm = 0x55;     // BPF_JMP | BPF_JNE | BPF_K: if dst != imm, skip off
    public const byte JneReg = 0x5d;     // BPF_JMP | BPF_JNE | BPF_X: if dst != src, skip off
    public const byte Exit = 0x95;       // BPF_JMP | BPF_EXIT: return r0

    public static BpfInstruction LoadWord(byte dst, byte src, short offset) => new(LdxMemW, dst, src, offset, 0);

    public static BpfInstruction And32(byte dst, int imm) => new(AndImm32, dst, 0, 0, imm);

    public static BpfInstruction RightShift32(byte dst, int imm) => new(RshImm32, dst, 0, 0, imm);

    public static BpfInstruction Move32(byte dst, byte src) => new(MovReg32, dst, src, 0, 0);

    public static BpfInstruction Move32(byte dst, int imm) => new(MovImm32, dst, 0, 0, imm);

    public static BpfInstruction JumpIfEqual(byte dst, int imm, short skip) => new(JeqImm, dst, 0, skip, imm);

    public static BpfInstruction JumpIfNotEqual(byte dst, int imm, short skip) => new(JneImm, dst, 0, skip, imm);

    public static BpfInstruction JumpIfNotEqual(byte dst, byte src, short skip) => new(JneReg, dst, src, skip, 0);

    public static BpfInstruction Return() => new(Exit, 0, 0, 0, 0);

    public bool IsJump => Opcode is JeqImm or JneImm or JneReg;

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = Opcode;
        destination[1] = (byte)((Src << 4) | (Dst & 0x0f));
        BinaryPrimitives.WriteInt16LittleEndian(destination[2..], Offset);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], Imm);
    }

    /// <summary>The same text cilium/ebpf's asm package prints (runc's devicefilter tests use it): "JNEImm dst: r2 off: 4 imm: 1".</summary>
    public override string ToString() => Opcode switch
    {
        LdxMemW => $"LdXMemW dst: r{Dst} src: r{Src} off: {Offset} imm: 0",
        AndImm32 => $"AndImm32 dst: r{Dst} imm: {Number(Imm)}",
        RshImm32 => $"RShImm32 dst: r{Dst} imm: {Number(Imm)}",
        MovReg32 => $"MovReg32 dst: r{Dst} src: r{Src}",
        MovImm32 => $"MovImm32 dst: r{Dst} imm: {Number(Imm)}",
        JeqImm => $"JEqImm dst: r{Dst} off: {Offset} imm: {Number(Imm)}",
        JneImm => $"JNEImm dst: r{Dst} off: {Offset} imm: {Number(Imm)}",
        JneReg => $"JNEReg dst: r{Dst} off: {Offset} src: r{Src}",
        Exit => "Exit",
        _ => $"op 0x{Opcode:x2} dst: r{Dst} src: r{Src} off: {Offset} imm: {Number(Imm)}",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
