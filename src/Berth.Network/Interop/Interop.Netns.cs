using System.Runtime.InteropServices;

namespace Berth.Network.Interop;

/// <summary>The libc calls behind named network namespaces: unshare(2), mount(2) (MS_BIND), umount2(2).</summary>
internal static partial class Netns
{
    public const int CLONE_NEWNET = 0x40000000;
    public const ulong MS_BIND = 0x1000;
    public const int MNT_DETACH = 2;
    public const int EINVAL = 22, ENOENT = 2;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int unshare(int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mount(string? source, string target, string? fstype, ulong flags, string? data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int umount2(string target, int flags);

    internal static int Errno => Marshal.GetLastPInvokeError();

    internal static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
