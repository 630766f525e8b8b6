using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Oci.Tests;

public class DefaultSpecTests
{
    private static JsonNode DefaultJson() =>
        JsonNode.Parse(JsonSerializer.Serialize(DefaultSpec.Create(), OciJsonContext.Default.Spec))!;

    [Fact]
    public void Round_trips_through_json()
    {
        string first = JsonSerializer.Serialize(DefaultSpec.Create(), OciJsonContext.Default.Spec);

        var parsed = SpecLoader.Parse(first, "config.json");
        string second = JsonSerializer.Serialize(parsed, OciJsonContext.Default.Spec);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Has_runc_examples_process()
    {
        var p = DefaultJson()["process"]!;

        Assert.True(p["terminal"]!.GetValue<bool>());
        Assert.Equal(0u, p["user"]!["uid"]!.GetValue<uint>());
        Assert.Equal("[\"sh\"]", p["args"]!.ToJsonString());
        Assert.Equal("[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"TERM=xterm\"]", p["env"]!.ToJsonString());
        Assert.Equal("/", p["cwd"]!.GetValue<string>());
        Assert.True(p["noNewPrivileges"]!.GetValue<bool>());
        Assert.Equal("[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1024,\"soft\":1024}]", p["rlimits"]!.ToJsonString());
    }

    [Fact]
    public void Has_runc_examples_capabilities_in_three_sets()
    {
        var caps = DefaultJson()["process"]!["capabilities"]!.AsObject();
        const string expected = "[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"]";

        Assert.Equal(["bounding", "effective", "permitted"], caps.Select(kv => kv.Key).Order());
        Assert.All(caps, kv => Assert.Equal(expected, kv.Value!.ToJsonString()));
    }

    [Fact]
    public void Has_root_hostname_and_version()
    {
        var json = DefaultJson();

        Assert.Equal(SpecVersion.Current, json["ociVersion"]!.GetValue<string>());
        Assert.Equal("{\"path\":\"rootfs\",\"readonly\":true}", json["root"]!.ToJsonString());
        Assert.Equal("berth", json["hostname"]!.GetValue<string>());
    }

    [Fact]
    public void Has_runc_examples_mounts()
    {
        var mounts = DefaultSpec.Create().Mounts!;

        Assert.Equal(["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup"], mounts.Select(m => m.Destination));
        Assert.Equal(["proc", "tmpfs", "devpts", "tmpfs", "mqueue", "sysfs", "cgroup"], mounts.Select(m => m.Type));
        Assert.Equal(["proc", "tmpfs", "devpts", "shm", "mqueue", "sysfs", "cgroup"], mounts.Select(m => m.Source));
        Assert.Null(mounts[0].Options);
        Assert.Equal(["nosuid", "strictatime", "mode=755", "size=65536k"], mounts[1].Options);
        Assert.Equal(["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"], mounts[2].Options);
        Assert.Equal(["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"], mounts[3].Options);
        Assert.Equal(["nosuid", "noexec", "nodev"], mounts[4].Options);
        Assert.Equal(["nosuid", "noexec", "nodev", "ro"], mounts[5].Options);
        Assert.Equal(["nosuid", "noexec", "nodev", "relatime", "ro"], mounts[6].Options);
    }

    [Fact]
    public void Has_runc_examples_linux_section()
    {
        var linux = DefaultSpec.Create().Linux!;

        Assert.Equal(["pid", "network", "ipc", "uts", "mount", "cgroup"], linux.Namespaces!.Select(n => n.Type));
        Assert.All(linux.Namespaces!, n => Assert.Null(n.Path));
        var device = Assert.Single(linux.Resources!.Devices!);
        Assert.False(device.Allow);
        Assert.Equal("rwm", device.Access);
        Assert.Equal(11, linux.MaskedPaths!.Count);
        Assert.Contains("/proc/kcore", linux.MaskedPaths);
        Assert.Contains("/sys/devices/virtual/powercap", linux.MaskedPaths);
        Assert.Equal(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"], linux.ReadonlyPaths);
    }

    [Fact]
    public void Each_call_returns_a_fresh_document()
    {
        var a = DefaultSpec.Create();
        a.Process!.Capabilities!.Bounding!.Add("CAP_SYS_ADMIN");
        a.Linux!.MaskedPaths!.Clear();

        var b = DefaultSpec.Create();

        Assert.Equal(3, b.Process!.Capabilities!.Bounding!.Count);
        Assert.Equal(11, b.Linux!.MaskedPaths!.Count);
    }

    [Fact]
    public void Rootless_adds_a_user_namespace_and_drops_the_network_one()
    {
        var spec = DefaultSpec.Create();

        DefaultSpec.MakeRootless(spec, hostUid: 1000, hostGid: 1001);

        Assert.Equal(["pid", "ipc", "uts", "mount", "cgroup", "user"], spec.Linux!.Namespaces!.Select(n => n.Type));
        var uid = Assert.Single(spec.Linux.UidMappings!);
        Assert.Equal((0u, 1000u, 1u), (uid.ContainerID, uid.HostID, uid.Size));
        var gid = Assert.Single(spec.Linux.GidMappings!);
        Assert.Equal((0u, 1001u, 1u), (gid.ContainerID, gid.HostID, gid.Size));
        Assert.Null(spec.Linux.Resources);
    }

    [Fact]
    public void Rootless_binds_sys_drops_the_cgroup_mount_and_id_options()
    {
        var spec = DefaultSpec.Create();

        DefaultSpec.MakeRootless(spec, 1000, 1000);

        var mounts = spec.Mounts!;
        Assert.DoesNotContain(mounts, m => m.Destination == "/sys/fs/cgroup");
        var sys = Assert.Single(mounts, m => m.Destination == "/sys");
        Assert.Equal(("none", "/sys"), (sys.Type, sys.Source));
        Assert.Equal(["rbind", "nosuid", "noexec", "nodev", "ro"], sys.Options);
        var pts = Assert.Single(mounts, m => m.Destination == "/dev/pts");
        Assert.Equal(["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"], pts.Options);
    }

    [Fact]
    public void A_rootless_spec_is_valid()
    {
        using var bundle = new Fixtures.TempBundle();
        var spec = DefaultSpec.Create();

        DefaultSpec.MakeRootless(spec, 1000, 1000);

        SpecValidator.Validate(spec, bundle.Dir);
    }

    [Fact]
    public void Rootless_twice_keeps_one_user_namespace()
    {
        var spec = DefaultSpec.Create();

        DefaultSpec.MakeRootless(spec, 1000, 1000);
        DefaultSpec.MakeRootless(spec, 1000, 1000);

        Assert.Single(spec.Linux!.Namespaces!, n => n.Type == "user");
    }
}
