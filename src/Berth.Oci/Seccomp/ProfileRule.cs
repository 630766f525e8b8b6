using Berth.Oci.Spec;

namespace Berth.Oci.Seccomp;

/// <summary>One entry of a Docker seccomp profile: an OCI syscall rule, kept only when its filters match.</summary>
public sealed record ProfileRule(
    string[] Names,
    string Action,
    SeccompArg[]? Args = null,
    uint? ErrnoRet = null,
    ProfileFilter? Includes = null,
    ProfileFilter? Excludes = null);
