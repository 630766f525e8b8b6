using System.Runtime.InteropServices;
using Berth.Oci;

namespace Berth.Runtime.Interop;

/// <summary>A kernel call failed: "mount proc on /proc: Operation not permitted (EPERM)".</summary>
public sealed class SyscallException : BerthException
{
    public int Errno { get; }

    public SyscallException(string operation, int errno)
        : base($"{operation}: {Describe(errno)}")
    {
        Errno = errno;
    }

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} ({Name(errno)})";

    public static string Name(int errno) => errno switch
    {
        1 => "EPERM", 2 => "ENOENT", 3 => "ESRCH", 4 => "EINTR", 5 => "EIO", 7 => "E2BIG", 8 => "ENOEXEC",
        9 => "EBADF", 10 => "ECHILD", 11 => "EAGAIN", 12 => "ENOMEM", 13 => "EACCES", 14 => "EFAULT",
        16 => "EBUSY", 17 => "EEXIST", 18 => "EXDEV", 19 => "ENODEV", 20 => "ENOTDIR", 21 => "EISDIR",
        22 => "EINVAL", 23 => "ENFILE", 24 => "EMFILE", 25 => "ENOTTY", 26 => "ETXTBSY", 28 => "ENOSPC",
        30 => "EROFS", 32 => "EPIPE", 34 => "ERANGE", 36 => "ENAMETOOLONG", 38 => "ENOSYS", 40 => "ELOOP",
        95 => "EOPNOTSUPP", 111 => "ECONNREFUSED",
        _ => "errno " + errno,
    };
}
