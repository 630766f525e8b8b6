namespace Berth.Oci.Seccomp;

/// <summary>
/// A condition on a Docker profile rule ("includes"/"excludes" in moby's default.json): the container's
/// bounding set holds all of <see cref="Caps"/> (includes) or any of them (excludes), the machine's
/// architecture (Go's names: "amd64", "arm64", "s390x") is one of <see cref="Arches"/>, the kernel is at
/// least <see cref="MinKernel"/>. An empty part does not restrict.
/// </summary>
public sealed record ProfileFilter(string[]? Caps = null, string[]? Arches = null, Version? MinKernel = null);
