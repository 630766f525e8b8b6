using Berth.Oci.Tests.Fixtures;

namespace Berth.Oci.Tests;

public class SpecLoaderTests
{
    [Fact]
    public void Parses_a_runc_style_config()
    {
        var spec = SpecLoader.Parse(RuncConfig.Json, "config.json");

        Assert.Equal("1.0.2-dev", spec.OciVersion);
        var process = spec.Process!;
        Assert.Equal(["sh", "-c", "echo hello"], process.Args);
        Assert.Equal("/home/app", process.Cwd);
        Assert.Equal(1000u, process.User.Uid);
        Assert.Equal(18u, process.User.Umask);
        Assert.Equal([5u, 100u], process.User.AdditionalGids);
        Assert.Equal(80u, process.ConsoleSize!.Width);
        Assert.Equal(["CAP_NET_BIND_SERVICE"], process.Capabilities!.Ambient);
        Assert.Equal(1024ul, process.Rlimits![0].Soft);
        Assert.Equal(100, process.OomScoreAdj);
        Assert.Equal("IOPRIO_CLASS_BE", process.IoPriority!.Class);
        Assert.Equal("0-3", process.ExecCPUAffinity!.Final);
        Assert.True(spec.Root!.Readonly);
        Assert.Equal("example.org", spec.Domainname);
    }

    [Fact]
    public void Parses_mounts_hooks_and_annotations()
    {
        var spec = SpecLoader.Parse(RuncConfig.Json, "config.json");

        Assert.Equal(4, spec.Mounts!.Count);
        Assert.Null(spec.Mounts[0].Options);
        Assert.Equal(["rbind", "rprivate", "ro"], spec.Mounts[3].Options);
        Assert.Equal(100000u, spec.Mounts[3].UidMappings![0].HostID);
        var hook = spec.Hooks!.CreateRuntime![0];
        Assert.Equal("/usr/bin/netns-setup", hook.Path);
        Assert.Equal(5, hook.Timeout);
        Assert.Null(spec.Hooks.Poststop![0].Timeout);
        Assert.Equal("linux", spec.Annotations!["org.opencontainers.image.os"]);
    }

    [Fact]
    public void Parses_the_linux_section()
    {
        var linux = SpecLoader.Parse(RuncConfig.Json, "config.json").Linux!;

        Assert.Equal(7, linux.Namespaces!.Count);
        Assert.Equal("/var/run/netns/abc", linux.Namespaces[1].Path);
        Assert.Equal(65536u, linux.UidMappings![0].Size);
        Assert.Equal("1", linux.Sysctl!["net.ipv4.ip_forward"]);
        Assert.Equal(438u, linux.Devices![0].FileMode);
        Assert.Equal("SCMP_ACT_ERRNO", linux.Seccomp!.DefaultAction);
        Assert.Equal("SCMP_CMP_EQ", linux.Seccomp.Syscalls![0].Args![0].Op);
        Assert.Equal("rslave", linux.RootfsPropagation);
        Assert.Equal("guaranteed_group", linux.IntelRdt!.ClosID);
        Assert.True(linux.IntelRdt.EnableCMT);
        Assert.Equal("LINUX", linux.Personality!.Domain);
        Assert.Equal(10, linux.TimeOffsets!["monotonic"].Secs);
        Assert.Equal("ceth1", linux.NetDevices!["eth1"].Name);
    }

    [Fact]
    public void Parses_resources()
    {
        var r = SpecLoader.Parse(RuncConfig.Json, "config.json").Linux!.Resources!;

        Assert.False(r.Devices![0].Allow);
        Assert.Equal(229, r.Devices[1].Minor);
        Assert.Equal(536870912, r.Memory!.Limit);
        Assert.Equal(-1, r.Memory.Swap);
        Assert.Equal(-1, r.Memory.KernelTCP);
        Assert.Equal(50000, r.Cpu!.Quota);
        Assert.Equal(64, r.Pids!.Limit);
        Assert.Equal(600ul, r.BlockIO!.ThrottleReadIOPSDevice![0].Rate);
        Assert.Equal("2MB", r.HugepageLimits![0].PageSize);
        Assert.Equal(1048577u, r.Network!.ClassID);
        Assert.Equal(10000u, r.Rdma!["mlx5_1"].HcaObjects);
        Assert.Equal("max", r.Unified!["memory.high"]);
    }

    [Fact]
    public void Missing_fields_stay_empty_so_validation_can_name_them()
    {
        var spec = SpecLoader.Parse("""{"process": {"args": ["sh"]}}""", "config.json");

        Assert.Equal("", spec.OciVersion);
        Assert.Equal("", spec.Process!.Cwd);
        Assert.Null(spec.Root);
    }

    [Fact]
    public void Load_reads_config_json_from_the_bundle()
    {
        using var bundle = new TempBundle();
        bundle.WriteConfig(RuncConfig.Json);

        var spec = SpecLoader.Load(bundle.Dir);

        Assert.Equal("runc", spec.Hostname);
    }

    [Fact]
    public void Load_names_a_missing_bundle()
    {
        var e = Assert.Throws<BerthException>(() => SpecLoader.Load("/nonexistent/berth-bundle"));

        Assert.Equal("bundle /nonexistent/berth-bundle: no such directory", e.Message);
    }

    [Fact]
    public void Load_says_how_to_write_a_missing_config()
    {
        using var bundle = new TempBundle();

        var e = Assert.Throws<InvalidSpecException>(() => SpecLoader.Load(bundle.Dir));

        Assert.Equal($"bundle {bundle.Dir}: config.json not found (write one with 'berth-runtime spec')", e.Message);
    }

    [Fact]
    public void Load_names_the_file_and_line_of_bad_json()
    {
        using var bundle = new TempBundle();
        bundle.WriteConfig("{\n \"ociVersion\": \"1.0.2\",\n \"process\": {\"user\": {\"uid\": \"zero\"}}\n}");

        var e = Assert.Throws<InvalidSpecException>(() => SpecLoader.Load(bundle.Dir));

        Assert.Equal($"{bundle.ConfigPath} line 3: process.user.uid: expected a number, got a string", e.Message);
    }

    [Fact]
    public void ParseProcess_reads_an_exec_process_file()
    {
        var process = SpecLoader.ParseProcess("""{"args": ["ls", "-l"], "cwd": "/tmp", "env": ["A=1"], "terminal": true}""", "process.json");

        Assert.Equal(["ls", "-l"], process.Args);
        Assert.Equal("/tmp", process.Cwd);
        Assert.True(process.Terminal);
    }

    [Fact]
    public void ParseProcess_names_the_field_without_a_process_prefix()
    {
        var e = Assert.Throws<InvalidSpecException>(() => SpecLoader.ParseProcess("{\n\"args\": \"ls\"\n}", "process.json"));

        Assert.Equal("process.json line 2: args: expected an array, got a string", e.Message);
    }

    [Fact]
    public void LoadProcess_names_a_missing_file()
    {
        var e = Assert.Throws<BerthException>(() => SpecLoader.LoadProcess("/nonexistent/process.json"));

        Assert.Equal("process file /nonexistent/process.json: no such file", e.Message);
    }

    [Fact]
    public void ParseState_reads_a_state_document()
    {
        var state = SpecLoader.ParseState(
            """{"ociVersion": "1.2.0", "id": "c1", "status": "running", "pid": 42, "bundle": "/b", "annotations": {"a": "b"}}""",
            "state.json");

        Assert.Equal("c1", state.Id);
        Assert.Equal("running", state.Status);
        Assert.Equal(42, state.Pid);
        Assert.Equal("b", state.Annotations!["a"]);
    }
}
