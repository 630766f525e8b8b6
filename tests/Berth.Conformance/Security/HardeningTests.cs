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

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void The_runtime_process_inside_the_container_is_not_the_host_binary(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Create().AssertSuccess("create");
        string exe = $"/proc/{b.Pid()}/exe";
        // The init is the runtime's own code until start: it must run a sealed copy, not the host file
        // (berth-runtime: "/memfd:berth-runtime (deleted)"; runc 1.1 shows "/").
        string hostBinary = new FileInfo(runtime.Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(runtime.Path);
        Assert.NotEqual(hostBinary, new FileInfo(exe).LinkTarget);
        int fd = open(exe, 1 /* O_WRONLY */);
        int errno = Marshal.GetLastPInvokeError();
        if (fd >= 0) close(fd);
        Assert.True(fd < 0, "the init's executable could be opened for writing");
        Assert.Contains(errno, new[] { 1 /* EPERM: sealed */, 26 /* ETXTBSY */ });
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
