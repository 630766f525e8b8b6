using Berth.Oci;

namespace Berth.Cgroups;

/// <summary>A cgroup file or directory could not be created, written or read; the message names the path and errno.</summary>
public sealed class CgroupException : BerthException
{
    public CgroupException(string message) : base(message) { }
    public CgroupException(string message, Exception inner) : base(message, inner) { }

    public CgroupException(string message, int errno, Exception? inner) : base(message, inner!)
    {
        Errno = errno;
    }

    /// <summary>The errno of the failed call (EINVAL = 22, EBUSY = 16, ...), or 0 when the error was not a syscall.</summary>
    public int Errno { get; }
}
