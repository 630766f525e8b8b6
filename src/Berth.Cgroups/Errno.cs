using System.Runtime.InteropServices;

namespace Berth.Cgroups;

/// <summary>The errno values cgroup code reacts to, and the mapping from .NET I/O exceptions back to errno.</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EINVAL = 22;
    public const int ENAMETOOLONG = 36;

    /// <summary>
    /// .NET on Unix keeps the raw errno in <see cref="Exception.HResult"/> of plain IOExceptions (and of the inner
    /// IOException of UnauthorizedAccessException); the "not found" types carry a Windows HRESULT instead.
    /// </summary>
    public static int FromException(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => ENOENT,
        PathTooLongException => ENAMETOOLONG,
        UnauthorizedAccessException u => u.InnerException is IOException inner && IsErrno(inner.HResult) ? inner.HResult : EACCES,
        IOException io when IsErrno(io.HResult) => io.HResult,
        _ => 0,
    };

    /// <summary>strerror(3) text ("Invalid argument"), or the exception's own message when there is no errno.</summary>
    public static string Describe(int errno, Exception e) => errno > 0 ? Marshal.GetPInvokeErrorMessage(errno) : e.Message;

    private static bool IsErrno(int value) => value is > 0 and < 4096;
}
