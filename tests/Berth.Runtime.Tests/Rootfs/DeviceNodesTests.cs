using Berth.Runtime.Rootfs;

namespace Berth.Runtime.Tests.Rootfs;

public class DeviceNodesTests
{
    [Theory]
    [InlineData(1, 3, 0x103UL)]
    [InlineData(10, 229, 0xae5UL)]
    [InlineData(259, 0, 0x10300UL)]
    [InlineData(4096, 1, 0x100000000001UL)]
    [InlineData(8, 256, 0x100800UL)]
    public void MakeDev_matches_the_kernels_encoding(long major, long minor, ulong expected) =>
        Assert.Equal(expected, DeviceNodes.MakeDev(major, minor));

    [Fact]
    public void The_default_devices_are_the_six_every_runtime_provides()
    {
        Assert.Equal(new[] { "/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty" },
            DeviceNodes.Defaults.Select(d => d.Path).ToArray());
    }
}
