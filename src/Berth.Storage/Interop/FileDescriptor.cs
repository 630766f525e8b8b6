using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.Interop;

/// <summary>An owned file descriptor (often O_PATH, pointing at a directory inside a layer), closed on Dispose.</summary>
internal sealed class FileDescriptor : SafeHandleZeroOrMinusOneIsInvalid
{
    internal FileDescriptor(int fd) : base(ownsHandle: true)
    {
        SetHandle(fd);
    }

    internal int Fd => (int)handle;

    /// <summary>A path that names this descriptor's file: /proc/self/fd/N (for calls that have no *at form).</summary>
    internal string ProcPath => $"/proc/self/fd/{Fd}";

    protected override bool ReleaseHandle() => Libc.close((int)handle) == 0;
}
