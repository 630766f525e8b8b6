using System.Buffers.Binary;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// One classic BPF instruction (struct sock_filter: u16 code, u8 jt, u8 jf, u32 k; 8 bytes, host byte
/// order). A seccomp filter is a list of these run on struct seccomp_data (nr at offset 0, arch at 4,
/// instruction pointer at 8, the six arguments from 16), ending in a RET with the action.
/// </summary>
public readonly record struct BpfInstruction(ushort Code, byte Jt, byte Jf, uint K)
{
    public const int Size = 8;
    public const ushort LoadWordAbsolute = 0x20, Jump = 0x05, JumpEqual = 0x15, JumpGreater = 0x25, JumpSet = 0x45, Return = 0x06;

    /// <summary>Offsets in struct seccomp_data.</summary>
    public const uint NrOffset = 0, ArchOffset = 4;

    public static BpfInstruction Load(uint offset) => new(LoadWordAbsolute, 0, 0, offset);
    public static BpfInstruction Ret(uint action) => new(Return, 0, 0, action);
    public static BpfInstruction Ja(uint skip) => new(Jump, 0, 0, skip);
    public static BpfInstruction Jeq(uint k, byte jt, byte jf) => new(JumpEqual, jt, jf, k);
    public static BpfInstruction Jgt(uint k, byte jt, byte jf) => new(JumpGreater, jt, jf, k);
    public static BpfInstruction Jset(uint k, byte jt, byte jf) => new(JumpSet, jt, jf, k);

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Code);
        destination[2] = Jt;
        destination[3] = Jf;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], K);
        if (!BitConverter.IsLittleEndian) FixEndianness(destination);
    }

    public static BpfInstruction Read(ReadOnlySpan<byte> source)
    {
        Span<byte> copy = stackalloc byte[Size];
        source[..Size].CopyTo(copy);
        if (!BitConverter.IsLittleEndian) FixEndianness(copy);
        return new(BinaryPrimitives.ReadUInt16LittleEndian(copy), copy[2], copy[3], BinaryPrimitives.ReadUInt32LittleEndian(copy[4..]));
    }

    public static byte[] ToBytes(IReadOnlyList<BpfInstruction> program)
    {
        var bytes = new byte[program.Count * Size];
        for (int i = 0; i < program.Count; i++) program[i].Write(bytes.AsSpan(i * Size));
        return bytes;
    }

    /// <summary>The program is in host byte order: on a big-endian host, swap the code and k fields.</summary>
    private static void FixEndianness(Span<byte> insn)
    {
        insn[..2].Reverse();
        insn[4..8].Reverse();
    }
}
