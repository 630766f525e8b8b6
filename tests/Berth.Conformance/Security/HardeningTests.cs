using System.Runtime.InteropServices;
using Berth.Conformance.Harness;

namespace Berth.Conformance.Security;

/// <summary>
/// Known container escapes, each checked against its precondition: CVE-2019-5736 (overwriting the runtime
/// binary through /proc/&lt;pid&gt;/exe) and CVE-2024-21626 (a leaked host fd used as process.cwd).
/// </summary>
public partial class HardeningTests
{
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int cmd);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int fstatvfs(int fd, byte* buf);

    /// <summary>
    /// The file behind /proc/&lt;pid&gt;/exe of the runtime's process inside the container must not be writable
    /// through that link, ever: either a sealed memfd (F_SEAL_WRITE) or a file on a read-only mount. (An open
    /// for writing now would only say ETXTBSY, which proves nothing: it stops once the runtime exits.)
    /// </summary>
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public unsafe void The_runtime_process_inside_the_container_is_not_the_writable_host_binary(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Create().AssertSuccess("create");
        string exe = $"/proc/{b.Pid()}/exe";
        string hostBinary = new FileInfo(runtime.Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(runtime.Path);
        Assert.NotEqual(hostBinary, new FileInfo(exe).LinkTarget);
        int fd = open(exe, 0 /* O_RDONLY */);
        Assert.True(fd >= 0, $"open {exe}: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            int seals = fcntl(fd, 1034 /* F_GET_SEALS */);
            bool sealedAgainstWrites = seals >= 0 && (seals & 8 /* F_SEAL_WRITE */) != 0;
            byte* vfs = stackalloc byte[256];
            Assert.Equal(0, fstatvfs(fd, vfs));
            bool readOnlyMount = (*(ulong*)(vfs + 72) & 1 /* ST_RDONLY */) != 0;
            Assert.True(sealedAgainstWrites || readOnlyMount, "the init runs a file that can be written through /proc/<pid>/exe");
        }
        finally
        {
            close(fd);
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void No_host_fd_is_reachable_as_the_working_directory(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string secret = "host-secret-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(b.Dir, "marker"), secret);
        string up = string.Concat(Enumerable.Repeat("../", 12));
        for (int fd = 3; fd <= 12; fd++)
        {
            b.Spec.Process!.Cwd = $"/proc/self/fd/{fd}";
            b.Spec.Process.Args = ["sh", "-c", $"cat {up}{b.Dir.TrimStart('/')}/marker 2>/dev/null; true"];
            var r = b.Run();
            Assert.DoesNotContain(secret, r.Stdout);
            b.Cli("delete", "--force", b.Id);
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void The_container_process_inherits_only_stdio(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        // ls opens the directory itself (one more fd); everything else would be a leak.
        string[] fds = b.Sh("ls /proc/self/fd").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(fds.Length <= 4 && fds.Take(3).SequenceEqual(["0", "1", "2"]), $"open fds: {string.Join(' ', fds)}");
    }
}
