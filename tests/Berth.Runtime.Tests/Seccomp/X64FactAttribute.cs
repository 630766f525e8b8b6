using System.Runtime.InteropServices;

namespace Berth.Runtime.Tests.Seccomp;

/// <summary>A fact about x86_64 hosts (compat ABIs): skipped, with the reason shown, elsewhere.</summary>
public sealed class X64FactAttribute : FactAttribute
{
    public X64FactAttribute()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) Skip = "only on x86_64 hosts (the i386/x32 compat ABIs)";
    }
}
