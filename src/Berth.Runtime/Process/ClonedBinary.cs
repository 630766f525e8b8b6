using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Process;

/// <summary>
/// CVE-2019-5736: a process in the container that gets hold of /proc/&lt;pid&gt;/exe of the runtime's own
/// process running inside it (the init or an exec, before their execve) could reopen it for writing once
/// the runtime exits, and replace the runtime binary on the host. So the process that enters the container
/// never runs the host file: it runs a copy in a sealed memfd (memfd_create(2) + F_ADD_SEALS: no writes,
/// no resizing, no unsealing), as runc and crun do. The copy is made with sendfile from the page cache.
/// </summary>
internal static class ClonedBinary
{
    private const uint MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
    private const int F_ADD_SEALS = 1033;
    private const int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

    /// <summary>A close-on-exec fd of a sealed copy of /proc/self/exe; exec it as /proc/self/fd/N.</summary>
    internal static int Create()
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
