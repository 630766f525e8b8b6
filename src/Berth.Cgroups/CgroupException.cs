using Berth.Oci;

namespace Berth.Cgroups;

/// <summary>A cgroup file or directory could not be created, written or read; the message names the path and errno.</summary>
public sealed class CgroupException : BerthException
{
    public CgroupException(string message) : base(message) { }
    public CgroupException(string message, Exception inner) : base(message, inner) { }
}
