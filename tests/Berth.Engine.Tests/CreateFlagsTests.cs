using Berth.Cli;
using Berth.Cli.Commands.Container;

namespace Berth.Engine.Tests;

public class CreateFlagsTests
{
    [Fact]
    public void FlagsStopAtTheImage()
    {
        var (o, flags) = CreateFlags.Parse(["-d", "--rm", "-e", "A=1", "--name=web", "-v", "/a:/b", "busybox", "sh", "-c", "echo -e hi", "--rm"], "run");
        Assert.True(flags.Has("d"));
        Assert.True(o.AutoRemove);
        Assert.Equal("busybox", o.Image);
        Assert.Equal(["sh", "-c", "echo -e hi", "--rm"], o.Cmd);
        Assert.Equal(["A=1"], o.Env);
        Assert.Equal("web", o.Name);
        Assert.Equal(["/a:/b"], o.Binds);
        Assert.Equal("bridge", o.Network); // docker's default
    }

    [Fact]
    public void ResourceAndSecurityFlags()
    {
        var (o, _) = CreateFlags.Parse(["-m", "64m", "--memory-swap", "128m", "--cpus", "0.5", "-c", "512", "--cpuset-cpus", "0", "--pids-limit", "10",
            "--ulimit", "nofile=5:6", "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--network", "host",
            "--runtime", "runc", "-u", "1:2", "-w", "/tmp", "-h", "box", "--entrypoint", "/bin/sh", "--read-only", "--tmpfs", "/run",
            "--log-opt", "max-size=1m", "--log-opt", "max-file=2", "img"], "create");
        Assert.Equal(("64m", "128m", "0.5", "512", "0", "10"), (o.Memory, o.MemorySwap, o.Cpus, o.CpuShares, o.CpusetCpus, o.PidsLimit));
        Assert.Equal(("host", "runc", "1:2", "/tmp", "box", "/bin/sh"), (o.Network, o.Runtime, o.User, o.WorkingDir, o.Hostname, o.Entrypoint));
        Assert.Equal(("1m", "2"), (o.LogMaxSize, o.LogMaxFiles));
        Assert.True(o.ReadOnly);
        Assert.Equal(["/run"], o.Tmpfs);
    }

    [Fact]
    public void MissingImageAndUnknownFlagsAreUsageErrors()
    {
        Assert.Throws<UsageException>(() => CreateFlags.Parse(["-d"], "run"));
        Assert.Throws<UsageException>(() => CreateFlags.Parse(["-it"], "run"));
        Assert.Throws<UsageException>(() => CreateFlags.Parse(["--bogus", "busybox"], "run"));
        Assert.Throws<UsageException>(() => CreateFlags.Parse(["--log-opt", "mode=x", "busybox"], "run"));
    }
}
