namespace Berth.Runtime.Seccomp;

/// <summary>
/// One rule for libseccomp: when <see cref="Syscall"/> is called and every condition holds, return
/// <see cref="Action"/>. <see cref="Field"/> is where it came from in config.json, for error messages.
/// </summary>
public sealed record SeccompRule(string Syscall, uint Action, IReadOnlyList<SeccompCondition> Conditions, string Field);
