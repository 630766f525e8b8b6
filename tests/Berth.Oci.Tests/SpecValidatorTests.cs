using Berth.Oci.Spec;
using Berth.Oci.Tests.Fixtures;
using LinuxConfig = Berth.Oci.Spec.Linux;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci.Tests;

/// <summary>Each rule: a spec that breaks it fails with a message naming the field.</summary>
public sealed class SpecValidatorTests : IDisposable
{
    private readonly TempBundle _bundle = new();
    private readonly OciSpec _spec = DefaultSpec.Create();

    public void Dispose() => _bundle.Dispose();

    private string Error() =>
        Assert.Throws<InvalidSpecException>(() => SpecValidator.Validate(_spec, _bundle.Dir)).Message;

    private LinuxConfig Linux => _spec.Linux!;

    [Fact]
    public void The_default_spec_is_valid() => SpecValidator.Validate(_spec, _bundle.Dir);

    [Fact]
    public void The_runc_fixture_is_valid()
    {
        var spec = SpecLoader.Parse(RuncConfig.Json, "config.json");

        SpecValidator.Validate(spec, _bundle.Dir);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.2-dev")]
    [InlineData("1.1.0-rc.2")]
    [InlineData("1.2.1")]
    public void Any_1x_version_is_accepted(string version)
    {
        _spec.OciVersion = version;

        SpecValidator.Validate(_spec, _bundle.Dir);
    }

    [Fact]
    public void A_missing_version()
    {
        _spec.OciVersion = "";

        Assert.StartsWith("ociVersion: missing", Error());
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("0.9.0")]
    [InlineData("1.0")]
    [InlineData("latest")]
    public void A_version_that_is_not_1x(string version)
    {
        _spec.OciVersion = version;

        Assert.StartsWith($"ociVersion: '{version}' is not supported", Error());
    }

    [Fact]
    public void A_missing_root()
    {
        _spec.Root = null;

        Assert.StartsWith("root: missing", Error());
    }

    [Fact]
    public void A_missing_root_path()
    {
        _spec.Root!.Path = "";

        Assert.StartsWith("root.path: missing", Error());
    }

    [Fact]
    public void A_rootfs_that_does_not_exist()
    {
        _spec.Root!.Path = "no-such-rootfs";

        Assert.Equal($"root.path: {_bundle.Dir}/no-such-rootfs does not exist", Error());
    }

    [Fact]
    public void An_absolute_rootfs_is_not_joined_to_the_bundle()
    {
        _spec.Root!.Path = _bundle.Rootfs;
        SpecValidator.Validate(_spec, "/nonexistent");

        _spec.Root.Path = "/nonexistent/rootfs";
        Assert.Equal("root.path: /nonexistent/rootfs does not exist", Error());
    }

    [Fact]
    public void A_rootfs_that_is_a_file()
    {
        File.WriteAllText(Path.Combine(_bundle.Dir, "file"), "");
        _spec.Root!.Path = "file";

        Assert.Equal($"root.path: {_bundle.Dir}/file is not a directory", Error());
    }

    [Fact]
    public void A_missing_process()
    {
        _spec.Process = null;

        Assert.StartsWith("process: missing", Error());
    }

    [Fact]
    public void Empty_args()
    {
        _spec.Process!.Args = [];

        Assert.StartsWith("process.args: must not be empty", Error());
    }

    [Fact]
    public void A_relative_cwd()
    {
        _spec.Process!.Cwd = "home";

        Assert.Equal("process.cwd: must be an absolute path, got 'home'", Error());
    }

    [Fact]
    public void A_missing_cwd()
    {
        _spec.Process!.Cwd = "";

        Assert.Equal("process.cwd: missing (must be an absolute path)", Error());
    }

    [Theory]
    [InlineData("bounding")]
    [InlineData("effective")]
    [InlineData("inheritable")]
    [InlineData("permitted")]
    [InlineData("ambient")]
    public void An_unknown_capability_in_any_set(string set)
    {
        var caps = _spec.Process!.Capabilities!;
        List<string> names = ["CAP_KILL", "CAP_CHOWN", "CAP_SETUID", "CAP_SETGID", "CAP_FOO"];
        switch (set)
        {
            case "bounding": caps.Bounding = names; break;
            case "effective": caps.Effective = names; break;
            case "inheritable": caps.Inheritable = names; break;
            case "permitted": caps.Permitted = names; break;
            default: caps.Ambient = names; break;
        }

        Assert.Equal($"process.capabilities.{set}[4]: unknown capability 'CAP_FOO'", Error());
    }

    [Fact]
    public void Capability_names_are_case_sensitive()
    {
        _spec.Process!.Capabilities!.Bounding![0] = "cap_kill";

        Assert.Equal("process.capabilities.bounding[0]: unknown capability 'cap_kill'", Error());
    }

    [Fact]
    public void An_unknown_rlimit()
    {
        _spec.Process!.Rlimits!.Add(new Rlimit { Type = "RLIMIT_FOO", Soft = 1, Hard = 1 });

        Assert.StartsWith("process.rlimits[1].type: unknown rlimit 'RLIMIT_FOO' (known: RLIMIT_CPU, ", Error());
    }

    [Fact]
    public void A_duplicate_rlimit()
    {
        _spec.Process!.Rlimits!.Add(new Rlimit { Type = "RLIMIT_NOFILE", Soft = 1, Hard = 1 });

        Assert.Equal("process.rlimits[1].type: duplicate rlimit 'RLIMIT_NOFILE' (first at process.rlimits[0])", Error());
    }

    [Fact]
    public void A_soft_limit_above_the_hard_limit()
    {
        _spec.Process!.Rlimits![0].Soft = 2048;

        Assert.Equal("process.rlimits[0]: soft limit 2048 is above hard limit 1024 for RLIMIT_NOFILE", Error());
    }

    [Fact]
    public void A_relative_mount_destination()
    {
        _spec.Mounts![3].Destination = "proc";

        Assert.Equal("mounts[3].destination: must be an absolute path, got 'proc'", Error());
    }

    [Fact]
    public void A_null_mount()
    {
        _spec.Mounts![2] = null!;

        Assert.Equal("mounts[2]: must be an object, got null", Error());
    }

    [Fact]
    public void A_relative_hook_path()
    {
        _spec.Hooks = new Hooks { Poststart = [new Hook { Path = "/bin/true" }, new Hook { Path = "notify" }] };

        Assert.Equal("hooks.poststart[1].path: must be an absolute path, got 'notify'", Error());
    }

    [Fact]
    public void A_hook_timeout_that_is_not_positive()
    {
        _spec.Hooks = new Hooks { CreateRuntime = [new Hook { Path = "/bin/true", Timeout = 0 }] };

        Assert.Equal("hooks.createRuntime[0].timeout: must be greater than zero, got 0", Error());
    }

    [Fact]
    public void An_unknown_rootfs_propagation()
    {
        Linux.RootfsPropagation = "rsomething";

        Assert.Equal("linux.rootfsPropagation: must be one of shared, slave, private, unbindable, rshared, rslave, rprivate, runbindable, got 'rsomething'", Error());
    }

    [Fact]
    public void An_unknown_namespace()
    {
        Linux.Namespaces![2].Type = "foo";

        Assert.Equal("linux.namespaces[2].type: unknown namespace 'foo' (known: cgroup, ipc, mount, network, pid, time, user, uts)", Error());
    }

    [Fact]
    public void A_duplicate_namespace()
    {
        Linux.Namespaces!.Add(new Namespace { Type = "pid", Path = "/proc/1/ns/pid" });

        Assert.Equal("linux.namespaces[6].type: duplicate namespace 'pid' (first at linux.namespaces[0])", Error());
    }

    [Fact]
    public void A_relative_namespace_path()
    {
        Linux.Namespaces![1].Path = "netns/a";

        Assert.Equal("linux.namespaces[1].path: must be an absolute path, got 'netns/a'", Error());
    }

    [Theory]
    [InlineData(0u, 1000u, 1000u, 500u, 5000u, 10u, "linux.uidMappings[1]: container ids 500..509 overlap linux.uidMappings[0]")]
    [InlineData(0u, 1000u, 1000u, 2000u, 1500u, 10u, "linux.uidMappings[1]: host ids 1500..1509 overlap linux.uidMappings[0]")]
    [InlineData(0u, 1000u, 0u, 10u, 9000u, 1u, "linux.uidMappings[0].size: must be at least 1")]
    public void Impossible_mappings_are_refused_before_the_kernel_sees_them(uint c0, uint h0, uint s0, uint c1, uint h1, uint s1, string expected)
    {
        Linux.Namespaces!.Add(new Namespace { Type = "user" });
        Linux.UidMappings = [new IdMapping { ContainerID = c0, HostID = h0, Size = s0 }, new IdMapping { ContainerID = c1, HostID = h1, Size = s1 }];
        Linux.GidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }];
        Assert.Equal(expected, Error());
    }

    [Fact]
    public void Disjoint_mappings_are_accepted()
    {
        Linux.Namespaces!.Add(new Namespace { Type = "user" });
        Linux.UidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }, new IdMapping { ContainerID = 1, HostID = 100000, Size = 65536 }];
        Linux.GidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }];
        SpecValidator.Validate(_spec, _bundle.Dir);
    }

    [Fact]
    public void Mappings_without_a_user_namespace()
    {
        Linux.UidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }];

        Assert.Equal("linux.uidMappings: set, but linux.namespaces has no user namespace", Error());
    }

    [Fact]
    public void Gid_mappings_without_a_user_namespace()
    {
        Linux.GidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }];

        Assert.Equal("linux.gidMappings: set, but linux.namespaces has no user namespace", Error());
    }

    [Fact]
    public void A_new_user_namespace_without_mappings()
    {
        Linux.Namespaces!.Add(new Namespace { Type = "user" });

        Assert.Equal("linux.uidMappings: missing, but linux.namespaces[6] creates a user namespace (it needs uid and gid mappings)", Error());
    }

    [Fact]
    public void A_new_user_namespace_with_only_uid_mappings()
    {
        Linux.Namespaces!.Add(new Namespace { Type = "user" });
        Linux.UidMappings = [new IdMapping { ContainerID = 0, HostID = 1000, Size = 1 }];

        Assert.StartsWith("linux.gidMappings: missing", Error());
    }

    [Fact]
    public void A_joined_user_namespace_needs_no_mappings()
    {
        Linux.Namespaces!.Add(new Namespace { Type = "user", Path = "/proc/1/ns/user" });

        SpecValidator.Validate(_spec, _bundle.Dir);
    }

    [Fact]
    public void An_unknown_device_type()
    {
        Linux.Devices = [new Device { Type = "c", Path = "/dev/fuse" }, new Device { Type = "x", Path = "/dev/x" }];

        Assert.Equal("linux.devices[1].type: must be one of c, b, u, p, got 'x'", Error());
    }

    [Fact]
    public void A_relative_device_path()
    {
        Linux.Devices = [new Device { Type = "p", Path = "fifo" }];

        Assert.Equal("linux.devices[0].path: must be an absolute path, got 'fifo'", Error());
    }

    [Fact]
    public void A_hostname_without_a_uts_namespace()
    {
        Linux.Namespaces!.RemoveAll(ns => ns.Type == "uts");

        Assert.Equal("hostname: set to 'berth', but linux.namespaces has no uts namespace", Error());
    }

    [Fact]
    public void A_domainname_without_a_uts_namespace()
    {
        Linux.Namespaces!.RemoveAll(ns => ns.Type == "uts");
        _spec.Hostname = null;
        _spec.Domainname = "example.org";

        Assert.Equal("domainname: set to 'example.org', but linux.namespaces has no uts namespace", Error());
    }

    [Fact]
    public void The_first_problem_is_reported()
    {
        _spec.Process!.Cwd = "relative";
        _spec.Mounts![0].Destination = "proc";

        Assert.StartsWith("process.cwd:", Error());
    }

    [Fact]
    public void ValidateProcess_without_a_prefix_names_bare_fields()
    {
        var process = new Process { Args = ["ls"], Cwd = "tmp" };

        var e = Assert.Throws<InvalidSpecException>(() => SpecValidator.ValidateProcess(process, field: ""));

        Assert.Equal("cwd: must be an absolute path, got 'tmp'", e.Message);
    }
}
