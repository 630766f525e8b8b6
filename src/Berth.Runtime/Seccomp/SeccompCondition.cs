using Berth.Oci;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// One comparison on a syscall argument (libseccomp's struct scmp_arg_cmp): argument <see cref="Index"/>
/// compared with <see cref="Op"/> against <see cref="Value"/>. For MASKED_EQ, Value is the mask and
/// ValueTwo what the masked argument must equal ((arg &amp; Value) == ValueTwo).
/// </summary>
public readonly record struct SeccompCondition(uint Index, int Op, ulong Value, ulong ValueTwo)
{
    /// <summary>enum scmp_compare in seccomp.h.</summary>
    public static int OperatorNumber(string name, string field) => name switch
    {
        "SCMP_CMP_NE" => 1,
        "SCMP_CMP_LT" => 2,
        "SCMP_CMP_LE" => 3,
        "SCMP_CMP_EQ" => 4,
        "SCMP_CMP_GE" => 5,
        "SCMP_CMP_GT" => 6,
        "SCMP_CMP_MASKED_EQ" => 7,
        _ => throw new InvalidSpecException($"{field}: unknown operator '{name}'"),
    };
}
