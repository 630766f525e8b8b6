using System.Runtime.InteropServices;
using Berth.Oci;

namespace Berth.Storage;

/// <summary>
/// A storage operation failed: "mkdirat usr/bin in /var/lib/berth/storage/layers/…: No space left on device (ENOSPC)".
/// <see cref="Errno"/> is 0 when the failure did not come from a kernel call.
/// </summary>
public class StorageException : BerthException
{
    public int Errno { get; }

    public StorageException(string message) : base(message) { }

    public StorageException(string message, Exception inner) : base(message, inner) { }

    public StorageException(string operation, int errno)
        : base($"{operation}: {Marshal.GetPInvokeErrorMessage(errno)} ({Interop.Errno.Name(errno)})")
    {
        Errno = errno;
    }
}
