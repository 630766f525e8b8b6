using Berth.Oci;
using Berth.Oci.Spec;
using Berth.Runtime.Container;
using Berth.Runtime.Namespaces;

namespace Berth.Runtime.Tests.Container;

public class ExecProcessBuilderTests
{
    private static Berth.Oci.Spec.Process ContainerProcess() => new()
    {
        Args = ["sleep", "60"],
        Env = ["PATH=/bin", "A=container"],
        Cwd = "/srv",
        User = new User { Uid = 7, Gid = 8, AdditionalGids = [9] },
        Capabilities = new Berth.Oci.Spec.Capabilities { Bounding = ["CAP_KILL"], Effective = ["CAP_KILL"], Permitted = ["CAP_KILL"] },
        NoNewPrivileges = true,
    };

    [Fact]
    public void Takes_the_containers_settings_with_the_command_line_args()
    {
        var container = ContainerProcess();
        var p = ExecProcessBuilder.Build(container, new ExecOptions { Args = ["ls", "-l"] });
        Assert.Equal(["ls", "-l"], p.Args);
        Assert.Equal(["PATH=/bin", "A=container"], p.Env);
        Assert.Equal("/srv", p.Cwd);
        Assert.Equal(7u, p.User.Uid);
        Assert.True(p.NoNewPrivileges);
        Assert.False(p.Terminal);
        Assert.Equal(["sleep", "60"], container.Args); // the container's own process is not changed
    }

    [Fact]
    public void Flags_override_env_cwd_user_and_add_capabilities_as_runc_does()
    {
        var p = ExecProcessBuilder.Build(ContainerProcess(), new ExecOptions
        {
            Args = ["sh"], Env = ["A=exec"], Cwd = "/tmp", User = "100:200", Caps = ["net_admin"], Tty = true,
        });
        Assert.Equal("A=exec", p.Env![^1]);
        Assert.Equal("/tmp", p.Cwd);
        Assert.Equal((100u, 200u), (p.User.Uid, p.User.Gid));
        Assert.Contains("CAP_NET_ADMIN", p.Capabilities!.Bounding!);
        Assert.Contains("CAP_NET_ADMIN", p.Capabilities.Effective!);
        Assert.Contains("CAP_NET_ADMIN", p.Capabilities.Permitted!);
        Assert.Null(p.Capabilities.Ambient); // no inheritable set: ambient stays untouched
        Assert.True(p.Terminal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1:2:3")]
    [InlineData("1:x")]
    [InlineData("-1")]
    public void A_bad_user_is_refused_with_the_flag_named(string user)
    {
        var e = Assert.Throws<BerthException>(() => ExecProcessBuilder.Build(ContainerProcess(), new ExecOptions { Args = ["sh"], User = user }));
        Assert.Contains("--user", e.Message);
    }

    [Fact]
    public void No_command_and_no_process_file_is_an_error()
    {
        var e = Assert.Throws<BerthException>(() => ExecProcessBuilder.Build(ContainerProcess(), new ExecOptions()));
        Assert.Contains("command", e.Message);
    }

    [Fact]
    public void An_unknown_capability_is_an_error()
    {
        var e = Assert.Throws<BerthException>(() => ExecProcessBuilder.Build(ContainerProcess(), new ExecOptions { Args = ["sh"], Caps = ["CAP_FLY"] }));
        Assert.Contains("CAP_FLY", e.Message);
    }

    [Fact]
    public void Exec_joins_every_namespace_of_the_init_user_first_mount_last()
    {
        var plan = NamespacePlan.ForExec(
            [new() { Type = "mount" }, new() { Type = "pid" }, new() { Type = "user" }, new() { Type = "network", Path = "/var/run/netns/x" }], 42);
        Assert.Equal(0u, plan.CloneFlags);
        Assert.Equal(["/proc/42/ns/user", "/proc/42/ns/pid", "/proc/42/ns/net", "/proc/42/ns/mnt"], plan.Joins.Select(j => j.Path));
    }
}
