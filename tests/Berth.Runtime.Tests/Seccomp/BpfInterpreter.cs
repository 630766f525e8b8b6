using Berth.Runtime.Seccomp;

namespace Berth.Runtime.Tests.Seccomp;

/// <summary>
/// A classic-BPF interpreter over struct seccomp_data, as the kernel runs a seccomp filter: lets tests
/// ask "what does this filter return for mkdir on x86_64?" without installing it. Any instruction it
/// does not know fails the test rather than being guessed.
/// </summary>
internal static class BpfInterpreter
{
    internal const uint AuditArchX86_64 = 0xc000003e, AuditArchI386 = 0x40000003, AuditArchAarch64 = 0xc00000b7;

    internal static uint Run(byte[] program, int nr, uint arch = AuditArchX86_64, params ulong[] args)
    {
        var data = SeccompData(nr, arch, args);
        var insns = Enumerable.Range(0, program.Length / BpfInstruction.Size)
            .Select(i => BpfInstruction.Read(program.AsSpan(i * BpfInstruction.Size))).ToArray();
        uint a = 0, x = 0;
        var mem = new uint[16];
        for (int pc = 0; pc < insns.Length; pc++)
        {
            var (code, jt, jf, k) = (insns[pc].Code, insns[pc].Jt, insns[pc].Jf, insns[pc].K);
            switch (code)
            {
                case 0x20: a = BitConverter.ToUInt32(data, (int)k); break;         // ld [k]
                case 0x00: a = k; break;                                           // ld #k
                case 0x01: x = k; break;                                           // ldx #k
                case 0x60: a = mem[k]; break;                                      // ld M[k]
                case 0x61: x = mem[k]; break;                                      // ldx M[k]
                case 0x02: mem[k] = a; break;                                      // st M[k]
                case 0x03: mem[k] = x; break;                                      // stx M[k]
                case 0x54: a &= k; break;                                          // and #k
                case 0x5c: a &= x; break;                                          // and x
                case 0x44: a |= k; break;                                          // or #k
                case 0x07: x = a; break;                                           // tax
                case 0x87: a = x; break;                                           // txa
                case 0x05: pc += (int)k; break;                                    // ja
                case 0x15: pc += a == k ? jt : jf; break;                          // jeq #k
                case 0x25: pc += a > k ? jt : jf; break;                           // jgt #k
                case 0x35: pc += a >= k ? jt : jf; break;                          // jge #k
                case 0x45: pc += (a & k) != 0 ? jt : jf; break;                    // jset #k
                case 0x1d: pc += a == x ? jt : jf; break;                          // jeq x
                case 0x2d: pc += a > x ? jt : jf; break;                           // jgt x
                case 0x3d: pc += a >= x ? jt : jf; break;                          // jge x
                case 0x4d: pc += (a & x) != 0 ? jt : jf; break;                    // jset x
                case 0x06: return k;                                               // ret #k
                case 0x16: return a;                                               // ret a
                default: throw new InvalidOperationException($"BPF instruction 0x{code:x2} at {pc} is not interpreted");
            }
        }
        throw new InvalidOperationException("the program ran off its end without a RET");
    }

    private static byte[] SeccompData(int nr, uint arch, ulong[] args)
    {
        var data = new byte[64];
        BitConverter.GetBytes(nr).CopyTo(data, 0);
        BitConverter.GetBytes(arch).CopyTo(data, 4);
        for (int i = 0; i < args.Length; i++) BitConverter.GetBytes(args[i]).CopyTo(data, 16 + 8 * i);
        return data;
    }
}
