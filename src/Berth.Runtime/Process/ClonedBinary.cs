using System.Runtime.InteropServices;
using System.Text;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Process;

/// <summary>
/// CVE-2019-5736: a process in the container that gets hold of /proc/&lt;pid&gt;/exe of the runtime's own
/// process running inside it (the init or an exec, before their execve) could reopen it for writing once
/// the runtime exits, and replace the runtime binary on the host. So the process that enters the container
/// never runs the host file through a writable path:
/// <list type="number">
/// <item>As root: a read-only bind mount of the binary that is attached nowhere (open_tree(2) with
/// OPEN_TREE_CLONE, then mount_setattr(2) MOUNT_ATTR_RDONLY). /proc/&lt;pid&gt;/exe then leads to that
/// mount, and opening it for writing fails with EROFS. It costs two syscalls.</item>
/// <item>Otherwise (rootless, old kernels): a copy in a sealed memfd (memfd_create(2) + F_ADD_SEALS: no
/// writes, no resizing), as runc and crun do. It costs a copy of the binary (about 3 ms here).</item>
/// </list>
/// </summary>
internal static unsafe class ClonedBinary
{
    private const uint MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
    private const int F_ADD_SEALS = 1033;
    private const int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
    private const int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000;
    private const int OPEN_TREE_CLONE = 1, OPEN_TREE_CLOEXEC = 0x80000;
    private const ulong MOUNT_ATTR_RDONLY = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct MountAttr
    {
        public ulong AttrSet, AttrClr, Propagation, UsernsFd;
    }

    /// <summary>A close-on-exec fd of a protected view of /proc/self/exe; exec it as /proc/self/fd/N.</summary>
    internal static int Create() => ReadOnlyMount() is int fd and >= 0 ? fd : SealedCopy();

    /// <returns>the fd, or -1 when the kernel or our privileges do not allow it</returns>
    private static int ReadOnlyMount()
    {
        byte[] path = Encoding.UTF8.GetBytes("/proc/self/exe\0");
        int fd;
        fixed (byte* p = path)
        {
            fd = (int)Libc.syscall(SyscallNumbers.OpenTree, AT_FDCWD, (long)p, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC, 0, 0);
        }
        if (fd < 0) return -1;
        var attr = new MountAttr { AttrSet = MOUNT_ATTR_RDONLY };
        byte empty = 0;
        if (Libc.syscall(SyscallNumbers.MountSetattr, fd, (long)&empty, AT_EMPTY_PATH, (long)&attr, sizeof(MountAttr)) < 0)
        {
            Sys.Close(fd);
            return -1;
        }
        Trace.Step("bind the runtime binary read-only on a mount attached nowhere (open_tree, mount_setattr): " +
            "the container can never open it for writing (CVE-2019-5736)");
        return fd;
    }

    private static int SealedCopy()
    {
        int source = Sys.Open("/proc/self/exe", Sys.O_RDONLY);
        int memfd = Libc.memfd_create("berth-runtime", MFD_CLOEXEC | MFD_ALLOW_SEALING);
        try
        {
            if (memfd < 0) throw Sys.Error("memfd_create for a sealed copy of the runtime binary");
            long copied = 0;
            while (true)
            {
                nint n = Libc.sendfile(memfd, source, 0, 1 << 30);
                if (n < 0) throw Sys.Error("copy the runtime binary into a memfd (sendfile)");
                if (n == 0) break;
                copied += n;
            }
            Sys.Check(Libc.fcntl(memfd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE), "seal the runtime binary's memfd");
            Trace.Step($"copy the runtime binary into a sealed memfd ({copied} bytes): the container never sees the host file (CVE-2019-5736)");
            return memfd;
        }
        catch
        {
            if (memfd >= 0) Sys.Close(memfd);
            throw;
        }
        finally
        {
            Sys.Close(source);
        }
    }
}
