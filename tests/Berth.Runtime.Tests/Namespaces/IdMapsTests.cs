using Berth.Oci;
using Berth.Oci.Spec;
using Berth.Runtime.Namespaces;
using Berth.Runtime.State;

namespace Berth.Runtime.Tests.Namespaces;

public class IdMapsTests
{
    private static readonly List<IdMapping> Rootless =
        [new IdMapping { ContainerID = 0, HostID = 1001, Size = 1 }, new IdMapping { ContainerID = 1, HostID = 400000, Size = 65536 }];

    [Fact]
    public void Host_id_of_a_container_id_follows_the_ranges()
    {
        Assert.Equal(1001u, IdMaps.HostIdOf(Rootless, 0));
        Assert.Equal(400999u, IdMaps.HostIdOf(Rootless, 1000));
        Assert.Equal(7u, IdMaps.HostIdOf(null, 7));
        Assert.Throws<InvalidSpecException>(() => IdMaps.HostIdOf(Rootless, 70000));
    }

    [Fact]
    public void Only_a_single_own_id_may_be_written_without_newuidmap()
    {
        Assert.True(IdMaps.IsOwnIdOnly([new IdMapping { ContainerID = 0, HostID = 1001, Size = 1 }], 1001));
        Assert.False(IdMaps.IsOwnIdOnly([new IdMapping { ContainerID = 0, HostID = 1002, Size = 1 }], 1001));
        Assert.False(IdMaps.IsOwnIdOnly([new IdMapping { ContainerID = 0, HostID = 1001, Size = 2 }], 1001));
        Assert.False(IdMaps.IsOwnIdOnly(Rootless, 1001));
    }

    [Fact]
    public void Newuidmap_gets_the_pid_then_a_triple_per_range()
    {
        Assert.Equal(["42", "0", "1001", "1", "1", "400000", "65536"], IdMaps.HelperArgs(42, Rootless));
    }

    [Fact]
    public void Rootless_state_lives_under_xdg_runtime_dir()
    {
        Assert.Equal("/run/berth-runtime", StateStore.DefaultRootFor(0));
        string? saved = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        try
        {
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", "/run/user/1001");
            Assert.Equal("/run/user/1001/berth-runtime", StateStore.DefaultRootFor(1001));
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", null);
            Assert.Equal("/tmp/berth-runtime-1001", StateStore.DefaultRootFor(1001));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", saved);
        }
    }
}
