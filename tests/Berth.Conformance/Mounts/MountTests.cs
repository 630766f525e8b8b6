using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Mounts;

/// <summary>runtime-spec config.md "Root" and "Mounts", config-linux.md "Devices", "Masked Paths", "Readonly Paths".</summary>
public class MountTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Root_is_the_bundles_rootfs_and_nothing_of_the_host_is_visible(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        File.WriteAllText(Path.Combine(b.Rootfs, "only-in-rootfs"), "x");
        string listing = b.Sh("ls /");
        Assert.Contains("only-in-rootfs", listing);
        Assert.DoesNotContain("work", listing.Split('\n'));
        string hostFile = Path.GetFileName(runtime.Path);
        Assert.Equal("gone\n", b.Sh($"ls / /usr/bin /usr/local/bin 2>/dev/null | grep -q '^{hostFile}$' && echo found || echo gone"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Readonly_root_cannot_be_written(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Root!.Readonly = true;
        Assert.Equal("denied\n", b.Sh("touch /x 2>/dev/null && echo written || echo denied"));
        b.Spec.Root.Readonly = false;
        Assert.Equal("written\n", b.Sh("touch /x 2>/dev/null && echo written || echo denied"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Default_mounts_have_their_types_and_options(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string mounts = b.Sh("cat /proc/self/mounts");
        Assert.Matches(@"(?m)^proc /proc proc rw", mounts);
        Assert.Matches(@"(?m)^\S+ /dev tmpfs rw,nosuid", mounts);
        Assert.Matches(@"(?m)^devpts /dev/pts devpts rw,nosuid,noexec", mounts);
        Assert.Matches(@"(?m)^\S+ /dev/shm tmpfs", mounts);
        Assert.Matches(@"(?m)^mqueue /dev/mqueue mqueue", mounts);
        Assert.Matches(@"(?m)^sysfs /sys sysfs ro", mounts);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Bind_mounts_honour_ro_and_tmpfs_takes_options(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string hostDir = Path.Combine(b.Dir, "shared");
        Directory.CreateDirectory(hostDir);
        File.WriteAllText(Path.Combine(hostDir, "hello"), "from host");
        b.Spec.Mounts!.Add(new Mount { Destination = "/data", Type = "bind", Source = hostDir, Options = ["rbind", "ro"] });
        b.Spec.Mounts.Add(new Mount { Destination = "/scratch", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "size=1m", "mode=700"] });
        string output = b.Sh("cat /data/hello; echo; touch /data/x 2>/dev/null && echo rw || echo ro; stat -c %a /scratch; grep ' /scratch ' /proc/self/mounts");
        var lines = output.Split('\n');
        Assert.Equal("from host", lines[0]);
        Assert.Equal("ro", lines[1]);
        Assert.Equal("700", lines[2]);
        Assert.Contains("size=1024k", lines[3]);
        Assert.False(File.Exists(Path.Combine(hostDir, "x")));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Bind_mounting_a_file_works(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string hostFile = Path.Combine(b.Dir, "note.txt");
        File.WriteAllText(hostFile, "a file");
        b.Spec.Mounts!.Add(new Mount { Destination = "/etc/note.txt", Type = "bind", Source = hostFile, Options = ["bind"] });
        Assert.Equal("a file", b.Sh("cat /etc/note.txt"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Masked_and_readonly_paths_are_protected(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string output = b.Sh("grep -c ' /proc/keys ' /proc/self/mountinfo; ls /proc/acpi 2>/dev/null | wc -l; echo 1 > /proc/sys/kernel/domainname 2>/dev/null && echo rw || echo ro; echo x > /proc/sysrq-trigger 2>/dev/null && echo rw || echo ro");
        var lines = output.Split('\n');
        Assert.Equal("1", lines[0].Trim()); // something is mounted over /proc/keys (this kernel has no /proc/kcore)
        Assert.Equal("0", lines[1].Trim());
        Assert.Equal("ro", lines[2]);
        Assert.Equal("ro", lines[3]);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Dev_holds_the_default_devices_and_links(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Devices = [new Device { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 0x1b6 }];
        string output = b.Sh("ls /dev | sort | tr '\\n' ' '; echo; stat -c '%t:%T %a' /dev/null /dev/fuse; for l in /dev/fd /dev/stdin /dev/ptmx; do readlink $l; done");
        var lines = output.Split('\n');
        foreach (string dev in new[] { "null", "zero", "full", "random", "urandom", "tty", "pts", "shm", "mqueue", "fd", "stdin", "stdout", "stderr", "ptmx", "fuse" })
        {
            Assert.Contains(" " + dev + " ", " " + lines[0]);
        }
        Assert.DoesNotContain(" sda ", " " + lines[0]);
        Assert.Equal("1:3 666", lines[1]);
        Assert.Equal("a:e5 666", lines[2]);
        Assert.Equal("/proc/self/fd", lines[3]);
        Assert.Equal("/proc/self/fd/0", lines[4]);
        Assert.Equal("pts/ptmx", lines[5]);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void No_pivot_uses_chroot_and_still_isolates(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "ls /; cat /proc/self/mountinfo | wc -l");
        b.Write();
        var r = b.Cli("run", "--no-pivot", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --no-pivot");
        Assert.Contains("bin", r.Stdout);
        Assert.DoesNotContain("work", r.Stdout.Split('\n'));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Container_mounts_do_not_appear_on_the_host(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Run().AssertSuccess("run");
        Assert.DoesNotContain(b.Prefix, File.ReadAllText("/proc/self/mountinfo"));
    }
}
