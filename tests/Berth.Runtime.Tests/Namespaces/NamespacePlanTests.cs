using Berth.Oci.Spec;
using Berth.Runtime.Namespaces;
using Berth.Runtime.Process;

namespace Berth.Runtime.Tests.Namespaces;

public class NamespacePlanTests
{
    [Fact]
    public void New_namespaces_become_clone_flags_and_paths_become_joins_user_first()
    {
        var plan = NamespacePlan.FromSpec([
            new Namespace { Type = "pid" }, new Namespace { Type = "mount" },
            new Namespace { Type = "network", Path = "/var/run/netns/x" },
            new Namespace { Type = "user", Path = "/proc/9/ns/user" },
        ]);
        Assert.Equal(0x20000000u | 0x00020000u, plan.CloneFlags);
        Assert.Equal(2, plan.Joins.Count);
        Assert.Equal((0x10000000u, "/proc/9/ns/user"), plan.Joins[0]);
        Assert.Equal((0x40000000u, "/var/run/netns/x"), plan.Joins[1]);
        Assert.Contains("CLONE_NEWPID", plan.Describe());
    }

    [Fact]
    public void An_unknown_type_names_itself()
    {
        var e = Assert.Throws<Oci.InvalidSpecException>(() => NamespacePlan.FromSpec([new Namespace { Type = "bogus" }]));
        Assert.Contains("bogus", e.Message);
    }

    [Fact]
    public void Bootstrap_message_encodes_flags_and_joins_for_nsexec()
    {
        byte[] bytes = BootstrapMessage.Encode(0x20020000, 5, [(0x40000000u, "/n")]);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x02, 0x20, 5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 2, 0, 0, 0, (byte)'/', (byte)'n', 0, 0, 0, 0 }, bytes);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0 }, BootstrapMessage.Encode(0, -1, []));
    }

    [Fact]
    public void Bootstrap_message_lists_the_v1_tasks_files_the_bootstrap_writes_itself_into()
    {
        byte[] bytes = BootstrapMessage.Encode(0, -1, [], ["/t"]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, (byte)'/', (byte)'t' }, bytes);
    }

    [Fact]
    public void Id_maps_are_written_one_line_each()
    {
        Assert.Equal("0 100000 65536\n1 2 3\n", IdMaps.Format([
            new IdMapping { ContainerID = 0, HostID = 100000, Size = 65536 },
            new IdMapping { ContainerID = 1, HostID = 2, Size = 3 },
        ]));
    }
}
