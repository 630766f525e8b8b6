using Berth.Oci;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// The flags argument of seccomp(SECCOMP_SET_MODE_FILTER, flags, prog) (linux/seccomp.h):
/// TSYNC puts the filter on every thread of the process, not just the caller; LOG logs every action but
/// ALLOW; SPEC_ALLOW leaves the Speculative Store Bypass mitigation off; WAIT_KILLABLE_RECV makes a
/// task waiting on a user-notification listener killable only (Linux 5.19).
/// </summary>
public static class SeccompFlags
{
    public const uint Tsync = 1, Log = 2, SpecAllow = 4, NewListener = 8, TsyncEsrch = 16, WaitKillableRecv = 32;

    public static uint ToBit(string name, string field) => name switch
    {
        "SECCOMP_FILTER_FLAG_TSYNC" => Tsync,
        "SECCOMP_FILTER_FLAG_LOG" => Log,
        "SECCOMP_FILTER_FLAG_SPEC_ALLOW" => SpecAllow,
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" => WaitKillableRecv,
        _ => throw new InvalidSpecException($"{field}: unknown flag '{name}'"),
    };

    /// <summary>"TSYNC|LOG" for traces, "none" for 0.</summary>
    public static string Describe(uint flags)
    {
        var names = new List<string>();
        if ((flags & Tsync) != 0) names.Add("TSYNC");
        if ((flags & Log) != 0) names.Add("LOG");
        if ((flags & SpecAllow) != 0) names.Add("SPEC_ALLOW");
        if ((flags & NewListener) != 0) names.Add("NEW_LISTENER");
        if ((flags & WaitKillableRecv) != 0) names.Add("WAIT_KILLABLE_RECV");
        return names.Count == 0 ? "none" : string.Join('|', names);
    }
}
