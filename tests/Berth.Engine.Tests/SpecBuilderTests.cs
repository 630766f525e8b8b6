using Berth.Engine.Specs;
using Berth.Oci.Linux;
using ImageContainerConfig = Berth.Images.Manifest.ContainerConfig;

namespace Berth.Engine.Tests;

public class SpecBuilderTests
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly ImageContainerConfig Image = new()
    {
        Env = ["PATH=/img/bin:/bin", "LANG=C.UTF-8"], Entrypoint = ["/entry.sh"], Cmd = ["serve", "--port", "80"], WorkingDir = "/srv", User = "daemon",
    };

    private static (Berth.Oci.Spec.Spec Spec, ContainerConfig Config) Build(CreateOptions o, ImageContainerConfig? image = null, string? netns = null) => SpecBuilder.Build(new SpecInputs
    {
        NetnsPath = netns,
        Id = Id, Options = o, Image = image ?? Image, RootfsPath = "/var/lib/berth/storage/containers/x/merged", CgroupsPath = "/berth/" + Id,
        Users = new UserDatabase("root:x:0:0::/root:/bin/sh\ndaemon:x:1:1::/usr/sbin:/bin/false\n", "root:x:0:\ndaemon:x:1:\n"),
        HostCpuCount = 2, HostEnvironment = name => name == "FROM_HOST" ? "yes" : null, HostHostname = "buildhost",
    });

    [Fact]
    public void ImageDefaults()
    {
        var (spec, config) = Build(new CreateOptions { Image = "x" });
        Assert.Equal(["/entry.sh", "serve", "--port", "80"], spec.Process!.Args!);
        Assert.Equal("/srv", spec.Process.Cwd);
        Assert.Equal((1u, 1u), (spec.Process.User.Uid, spec.Process.User.Gid));
        Assert.Equal("0123456789ab", spec.Hostname);
        Assert.Equal("0123456789ab", config.Hostname);
        Assert.Contains("HOSTNAME=0123456789ab", spec.Process.Env!);
        Assert.Contains("PATH=/img/bin:/bin", spec.Process.Env!);
        Assert.Contains("HOME=/usr/sbin", spec.Process.Env!);
        Assert.False(spec.Root!.Readonly);
        Assert.Equal("/var/lib/berth/storage/containers/x/merged", spec.Root.Path);
        Assert.Equal("/berth/" + Id, spec.Linux!.CgroupsPath);
        Assert.False(spec.Process.Terminal);
        Assert.False(spec.Process.NoNewPrivileges);
    }

    [Fact]
    public void CommandAfterImageReplacesCmdOnly()
    {
        var (spec, _) = Build(new CreateOptions { Cmd = ["status"] });
        Assert.Equal(["/entry.sh", "status"], spec.Process!.Args!);
    }

    [Fact]
    public void EntrypointFlagDropsTheImageCmd()
    {
        Assert.Equal(["/bin/sh"], Build(new CreateOptions { Entrypoint = "/bin/sh" }).Spec.Process!.Args!);
        Assert.Equal(["/bin/sh", "-c", "true"], Build(new CreateOptions { Entrypoint = "/bin/sh", Cmd = ["-c", "true"] }).Spec.Process!.Args!);
        Assert.Equal(["echo", "hi"], Build(new CreateOptions { Entrypoint = "", Cmd = ["echo", "hi"] }).Spec.Process!.Args!);
    }

    [Fact]
    public void NoCommandAtAllIsAnError() =>
        Assert.Contains("no command specified", Assert.Throws<InvalidOptionException>(() => Build(new CreateOptions(), new ImageContainerConfig())).Message);

    [Fact]
    public void EnvironmentMerge()
    {
        var (spec, _) = Build(new CreateOptions { Env = ["LANG=fr_FR", "NEW=1", "FROM_HOST", "NOT_ON_HOST", "EMPTY="] });
        var env = spec.Process!.Env!;
        Assert.Contains("LANG=fr_FR", env);
        Assert.DoesNotContain("LANG=C.UTF-8", env);
        Assert.Contains("NEW=1", env);
        Assert.Contains("FROM_HOST=yes", env);
        Assert.Contains("EMPTY=", env);
        Assert.DoesNotContain(env, e => e.StartsWith("NOT_ON_HOST", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultPathWhenTheImageHasNone()
    {
        var (spec, _) = Build(new CreateOptions { Cmd = ["sh"] }, new ImageContainerConfig());
        Assert.Contains("PATH=" + SpecBuilder.DefaultPath, spec.Process!.Env!);
        Assert.Equal("/", spec.Process.Cwd);
        Assert.Equal(0u, spec.Process.User.Uid);
    }

    [Fact]
    public void FlagsOverrideWorkdirUserHostnameReadOnly()
    {
        var (spec, _) = Build(new CreateOptions { WorkingDir = "/tmp", User = "0:1", Hostname = "web", ReadOnly = true });
        Assert.Equal("/tmp", spec.Process!.Cwd);
        Assert.Equal((0u, 1u), (spec.Process.User.Uid, spec.Process.User.Gid));
        Assert.Equal("web", spec.Hostname);
        Assert.True(spec.Root!.Readonly);
        Assert.Throws<InvalidOptionException>(() => Build(new CreateOptions { WorkingDir = "relative" }));
    }

    [Fact]
    public void NetworkNoneKeepsANetnsHostDropsItAndABridgeNetworkJoinsTheEnginesOne()
    {
        var none = Build(new CreateOptions { Network = "none" }).Spec.Linux!.Namespaces!.Single(n => n.Type == NamespaceTypes.Network);
        Assert.Null(none.Path);
        var (host, _) = Build(new CreateOptions { Network = "host" });
        Assert.DoesNotContain(host.Linux!.Namespaces!, n => n.Type == NamespaceTypes.Network);
        Assert.Equal("buildhost", host.Hostname);
        var bridge = Build(new CreateOptions { Network = "bridge" }, netns: "/run/berth/netns/" + Id).Spec.Linux!.Namespaces!.Single(n => n.Type == NamespaceTypes.Network);
        Assert.Equal("/run/berth/netns/" + Id, bridge.Path);
        Assert.Contains("container: needs a container name or id", Assert.Throws<InvalidOptionException>(() => Build(new CreateOptions { Network = "container:" })).Message);
    }

    [Fact]
    public void MemoryAndSwapAsDocker()
    {
        var r = SpecBuilder.BuildResources(new CreateOptions { Memory = "64m" }, 2);
        Assert.Equal(64L << 20, r.Memory!.Limit);
        Assert.Equal(128L << 20, r.Memory.Swap);
        Assert.Equal(-1, SpecBuilder.BuildResources(new CreateOptions { Memory = "64m", MemorySwap = "-1" }, 2).Memory!.Swap);
        Assert.Equal(100L << 20, SpecBuilder.BuildResources(new CreateOptions { Memory = "64m", MemorySwap = "100m" }, 2).Memory!.Swap);
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { Memory = "64m", MemorySwap = "32m" }, 2));
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { MemorySwap = "32m" }, 2));
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { Memory = "1m" }, 2));
    }

    [Fact]
    public void BadMemoryValueSaysWhichFlag()
    {
        var e = Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { Memory = "12x" }, 2));
        Assert.Equal("invalid argument \"12x\" for \"-m, --memory\" flag: invalid size: '12x'", e.Message);
        Assert.Equal(125, e.ExitCode);
    }

    [Fact]
    public void CpuFlags()
    {
        var r = SpecBuilder.BuildResources(new CreateOptions { Cpus = "1.5", CpuShares = "512", CpusetCpus = "0-1", PidsLimit = "100" }, 2);
        Assert.Equal(150_000, r.Cpu!.Quota);
        Assert.Equal(100_000ul, r.Cpu.Period);
        Assert.Equal(512ul, r.Cpu.Shares);
        Assert.Equal("0-1", r.Cpu.Cpus);
        Assert.Equal(100, r.Pids!.Limit);
        Assert.Null(SpecBuilder.BuildResources(new CreateOptions { PidsLimit = "-1" }, 2).Pids);
        Assert.Contains("range of CPUs is from 0.01 to 2.00", Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { Cpus = "3" }, 2)).Message);
        Assert.Contains("rational number", Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { Cpus = "lots" }, 2)).Message);
        Assert.Contains("not available", Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { CpusetCpus = "0-3" }, 2)).Message);
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { CpusetCpus = "a" }, 2));
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.BuildResources(new CreateOptions { CpuShares = "-1" }, 2));
    }

    [Fact]
    public void CapabilitiesDefaultAddDropAll()
    {
        var caps = Build(new CreateOptions()).Spec.Process!.Capabilities!.Bounding!;
        Assert.Equal(SpecBuilder.DefaultCapabilities.Order(), caps.Order());
        var tweaked = SpecBuilder.Capabilities(["sys_admin"], ["CAP_NET_RAW", "chown"]);
        Assert.Contains("CAP_SYS_ADMIN", tweaked);
        Assert.DoesNotContain("CAP_NET_RAW", tweaked);
        Assert.DoesNotContain("CAP_CHOWN", tweaked);
        Assert.Equal(["CAP_KILL"], SpecBuilder.Capabilities(["KILL"], ["ALL"]));
        Assert.Equal(CapabilityNames.All.Count - 1, SpecBuilder.Capabilities(["ALL"], ["MKNOD"]).Count);
        Assert.Contains("unknown capability", Assert.Throws<InvalidOptionException>(() => SpecBuilder.Capabilities(["FLY"], [])).Message);
    }

    [Fact]
    public void SeccompDefaultUnconfinedOrFile()
    {
        var docker = Build(new CreateOptions()).Spec.Linux!.Seccomp!;
        Assert.Equal("SCMP_ACT_ERRNO", docker.DefaultAction);
        Assert.DoesNotContain(docker.Syscalls!, s => s.Names.Contains("mount"));
        var withAdmin = Build(new CreateOptions { CapAdd = ["SYS_ADMIN"] }).Spec.Linux!.Seccomp!;
        Assert.Contains(withAdmin.Syscalls!, s => s.Names.Contains("mount"));
        Assert.Null(Build(new CreateOptions { SecurityOpt = ["seccomp=unconfined"] }).Spec.Linux!.Seccomp);
        var custom = SpecBuilder.Build(new SpecInputs
        {
            Id = Id, Options = new CreateOptions { Cmd = ["x"], SecurityOpt = ["seccomp=/p.json"] }, RootfsPath = "/r", CgroupsPath = "/c",
            SeccompProfile = """{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["chmod"],"action":"SCMP_ACT_ERRNO"}]}""",
        }).Spec.Linux!.Seccomp!;
        Assert.Equal("SCMP_ACT_ALLOW", custom.DefaultAction);
        Assert.Equal("chmod", custom.Syscalls![0].Names[0]);
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.ParseSeccompProfile("{not json"));
    }

    [Fact]
    public void NoNewPrivilegesAndUnknownSecurityOpt()
    {
        Assert.True(Build(new CreateOptions { SecurityOpt = ["no-new-privileges"] }).Spec.Process!.NoNewPrivileges);
        Assert.True(Build(new CreateOptions { SecurityOpt = ["no-new-privileges:true"] }).Spec.Process!.NoNewPrivileges);
        Assert.Throws<InvalidOptionException>(() => Build(new CreateOptions { SecurityOpt = ["bogus=1"] }));
    }

    [Fact]
    public void PrivilegedOpensEverything()
    {
        var (spec, _) = Build(new CreateOptions { Privileged = true });
        Assert.Equal(CapabilityNames.All.Count, spec.Process!.Capabilities!.Bounding!.Count);
        Assert.Null(spec.Linux!.Seccomp);
        Assert.Null(spec.Linux.MaskedPaths);
        Assert.True(spec.Linux.Resources!.Devices![0].Allow);
        Assert.DoesNotContain("ro", spec.Mounts!.Single(m => m.Destination == "/sys").Options!);
    }

    [Fact]
    public void Ulimits()
    {
        var r = SpecBuilder.ParseUlimit("nofile=1024:2048");
        Assert.Equal(("RLIMIT_NOFILE", 1024ul, 2048ul), (r.Type, r.Soft, r.Hard));
        Assert.Equal(ulong.MaxValue, SpecBuilder.ParseUlimit("core=-1").Hard);
        Assert.Equal(100ul, SpecBuilder.ParseUlimit("nproc=100").Hard);
        Assert.Contains("invalid ulimit type", Assert.Throws<InvalidOptionException>(() => SpecBuilder.ParseUlimit("files=1")).Message);
        Assert.Contains("soft limit must be less", Assert.Throws<InvalidOptionException>(() => SpecBuilder.ParseUlimit("nofile=2:1")).Message);
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.ParseUlimit("nofile"));
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.ParseUlimit("nofile=x"));
        Assert.Single(Build(new CreateOptions { Ulimits = ["nofile=10:20"] }).Spec.Process!.Rlimits!);
    }

    [Fact]
    public void BindsTmpfsAndEtcFiles()
    {
        var (spec, _) = SpecBuilder.Build(new SpecInputs
        {
            Id = Id, RootfsPath = "/r", CgroupsPath = "/c",
            Options = new CreateOptions { Cmd = ["x"], Tmpfs = ["/run:size=1m,exec", "/dev/shm"] },
            Mounts =
            [
                new MountPoint { Type = "bind", Source = "/data", Destination = "/data", ReadOnly = true },
                new MountPoint { Type = "bind", Source = "/src", Destination = "/src", Propagation = "rshared" },
                new MountPoint { Type = "volume", Name = "v", Source = "/var/lib/berth/volumes/v/_data", Destination = "/v", Propagation = "" },
                new MountPoint { Type = "tmpfs", Destination = "/t", TmpfsText = "/t:size=1024,mode=700" },
            ],
            EtcFiles = new Dictionary<string, string> { ["/etc/hosts"] = "/ctr/hosts" },
        });
        var data = spec.Mounts!.Single(m => m.Destination == "/data");
        Assert.Equal(("bind", "/data"), (data.Type, data.Source));
        Assert.Equal(["rbind", "rprivate", "ro"], data.Options!);
        Assert.Equal(["rbind", "rshared"], spec.Mounts!.Single(m => m.Destination == "/src").Options!);
        Assert.Equal(["nosuid", "nodev", "size=1m", "exec"], spec.Mounts!.Single(m => m.Destination == "/run").Options!);
        Assert.Equal(("bind", "/var/lib/berth/volumes/v/_data"), (spec.Mounts!.Single(m => m.Destination == "/v").Type, spec.Mounts!.Single(m => m.Destination == "/v").Source));
        Assert.Equal(["rbind", "rprivate"], spec.Mounts!.Single(m => m.Destination == "/v").Options!);
        Assert.Equal(["noexec", "nosuid", "nodev", "size=1024", "mode=700"], spec.Mounts!.Single(m => m.Destination == "/t").Options!);
        Assert.Single(spec.Mounts!, m => m.Destination == "/dev/shm");
        Assert.Equal("tmpfs", spec.Mounts!.Single(m => m.Destination == "/dev/shm").Type);
        Assert.Equal("/ctr/hosts", spec.Mounts!.Single(m => m.Destination == "/etc/hosts").Source);
    }

}
