using Berth.Runtime.Seccomp;

namespace Berth.Runtime.Tests.Seccomp;

/// <summary>The -ENOSYS stub in front of a one-instruction filter that returns a marker.</summary>
public sealed class EnosysStubTests
{
    private const uint Marker = SeccompActions.Errno | 99, Enosys = SeccompActions.Errno | 38;
    private const uint X86_64 = EnosysStub.AuditArchX86_64, Aarch64 = 0xc00000b7, S390X = 0x80000016;

    private static byte[] WithStub(params EnosysStub.ArchMax[] arches) =>
        BpfInstruction.ToBytes([.. EnosysStub.Build(arches), BpfInstruction.Ret(Marker)]);

    [Fact]
    public void Above_the_highest_syscall_is_ENOSYS_and_the_rest_runs_the_filter()
    {
        var program = WithStub(new EnosysStub.ArchMax(X86_64, 334));

        Assert.Equal(Enosys, BpfInterpreter.Run(program, 335, X86_64));
        Assert.Equal(Marker, BpfInterpreter.Run(program, 334, X86_64));
        Assert.Equal(Marker, BpfInterpreter.Run(program, 0, X86_64));
    }

    [Fact]
    public void Other_architectures_go_straight_to_the_filter()
    {
        var program = WithStub(new EnosysStub.ArchMax(X86_64, 334));

        Assert.Equal(Marker, BpfInterpreter.Run(program, 5000, Aarch64));
    }

    [Fact]
    public void Each_architecture_has_its_own_highest_number()
    {
        var program = WithStub(new EnosysStub.ArchMax(X86_64, 334), new EnosysStub.ArchMax(Aarch64, 293));

        Assert.Equal(Enosys, BpfInterpreter.Run(program, 300, Aarch64));
        Assert.Equal(Marker, BpfInterpreter.Run(program, 300, X86_64));
    }

    [Fact]
    public void X32_calls_are_told_apart_by_bit_30()
    {
        var program = WithStub(new EnosysStub.ArchMax(X86_64, 334), new EnosysStub.ArchMax(EnosysStub.X32Token, 0x40000000 + 500));
        int x32 = 0x40000000;

        Assert.Equal(Marker, BpfInterpreter.Run(program, x32 + 400, X86_64));
        Assert.Equal(Enosys, BpfInterpreter.Run(program, x32 + 501, X86_64));
        Assert.Equal(Enosys, BpfInterpreter.Run(program, 400, X86_64));
    }

    [Fact]
    public void Without_x32_in_the_profile_x32_calls_reach_the_filter()
    {
        var program = WithStub(new EnosysStub.ArchMax(X86_64, 334));

        Assert.Equal(Marker, BpfInterpreter.Run(program, 0x40000000 + 900, X86_64));
    }

    [Fact]
    public void S390_multiplexed_syscall_zero_is_ENOSYS()
    {
        var program = WithStub(new EnosysStub.ArchMax(S390X, 400));

        Assert.Equal(Enosys, BpfInterpreter.Run(program, 0, S390X));
        Assert.Equal(Marker, BpfInterpreter.Run(program, 3, S390X));
    }
}
