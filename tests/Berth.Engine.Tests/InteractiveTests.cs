using Berth.Cli;
using Berth.Cli.Commands.Container;
using Berth.Engine.Containers;
using Berth.Engine.Monitor;
using Berth.Engine.Specs;
using Berth.Oci.Linux;
using OciProcess = Berth.Oci.Spec.Process;

namespace Berth.Engine.Tests;

/// <summary>The pure parts of -i/-t, attach, exec and restart policies.</summary>
public class InteractiveTests
{
    [Theory]
    [InlineData(null, "no", 0)]
    [InlineData("no", "no", 0)]
    [InlineData("always", "always", 0)]
    [InlineData("unless-stopped", "unless-stopped", 0)]
    [InlineData("on-failure", "on-failure", 0)]
    [InlineData("on-failure:3", "on-failure", 3)]
    public void RestartPolicyParses(string? value, string name, int max)
    {
        var policy = RestartPolicy.Parse(value);
        Assert.Equal((name, max), (policy.Name, policy.MaximumRetryCount));
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("always:3")]
    [InlineData("on-failure:x")]
    [InlineData("on-failure:-1")]
    public void BadRestartPoliciesAreRefused(string value) =>
        Assert.Contains(value, Assert.Throws<FormatException>(() => RestartPolicy.Parse(value)).Message);

    [Fact]
    public void RestartDecisions()
    {
        var onFailure = RestartPolicy.Parse("on-failure:2");
        Assert.True(onFailure.ShouldRestart(1, 0, false));
        Assert.True(onFailure.ShouldRestart(1, 1, false));
        Assert.False(onFailure.ShouldRestart(1, 2, false));
        Assert.False(onFailure.ShouldRestart(0, 0, false));
        Assert.True(RestartPolicy.Parse("on-failure").ShouldRestart(1, 1000, false));
        Assert.True(RestartPolicy.Parse("always").ShouldRestart(0, 1000, false));
        Assert.False(RestartPolicy.Parse("always").ShouldRestart(0, 0, stoppedByUser: true));
        Assert.False(RestartPolicy.Parse("unless-stopped").ShouldRestart(1, 0, stoppedByUser: true));
        Assert.False(RestartPolicy.No.ShouldRestart(1, 0, false));
    }

    [Fact]
    public void BackoffDoublesFrom100MsUpToAMinuteAndResetsAfterTenSeconds()
    {
        var d = RestartPolicy.NextDelay(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(100), d);
        d = RestartPolicy.NextDelay(d, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(200), d);
        Assert.Equal(TimeSpan.FromMinutes(1), RestartPolicy.NextDelay(TimeSpan.FromSeconds(40), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMilliseconds(100), RestartPolicy.NextDelay(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void RestartWithRmIsRefusedAsDockerDoes()
    {
        var e = Assert.Throws<InvalidOptionException>(() => ContainerEngine.CheckRestartPolicy(new CreateOptions { AutoRemove = true, Restart = "always" }));
        Assert.Contains("--restart and --rm", e.Message);
        Assert.Equal(125, e.ExitCode);
        Assert.True(ContainerEngine.CheckRestartPolicy(new CreateOptions { AutoRemove = true, Restart = "no" }).IsNone);
        Assert.Throws<InvalidOptionException>(() => ContainerEngine.CheckRestartPolicy(new CreateOptions { Restart = "bogus" }));
    }

    [Fact]
    public void ResizeFrameRoundTrips()
    {
        byte[] payload = MonitorFrame.ResizePayload(50, 132);
        Assert.Equal([50, 0, 132, 0], payload);
        Assert.Equal(((ushort)50, (ushort)132), MonitorFrame.ParseResize(payload));
        Assert.Null(MonitorFrame.ParseResize([1, 2, 3]));
        Span<byte> header = stackalloc byte[MonitorFrame.HeaderSize];
        MonitorFrame.WriteHeader(header, MonitorFrame.Stdin, 258);
        Assert.Equal([(byte)'I', 2, 1, 0, 0], header.ToArray());
    }

    [Fact]
    public void DetachKeysAreCtrlPCtrlQAcrossReads()
    {
        var keys = new DetachKeys();
        AssertFiltered(keys, "ab"u8, "ab"u8, false);
        AssertFiltered(keys, [(byte)'x', 0x10], [(byte)'x'], false);
        AssertFiltered(keys, [0x11, (byte)'y'], [], true);
        keys = new DetachKeys();
        AssertFiltered(keys, [0x10, (byte)'z'], [0x10, (byte)'z'], false);
        AssertFiltered(keys, [0x03], [0x03], false);
        keys = new DetachKeys();
        AssertFiltered(keys, [0x10, 0x10, 0x11], [0x10], true);
    }

    [Fact]
    public void DetachKeysFollowDockersSpelling()
    {
        Assert.Equal(new byte[] { 0x10, 0x11 }, DetachKeys.Parse(""));
        Assert.Equal(new byte[] { 0x01, (byte)'x' }, DetachKeys.Parse("ctrl-a,x"));
        Assert.Equal(new byte[] { 0x00, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f }, DetachKeys.Parse("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_"));
        foreach (string bad in (string[])["ctrl-", "ctrl-pp", "ctrl-P", "ab", "a,,b", "é"])
        {
            var e = Assert.Throws<UsageException>(() => DetachKeys.Parse(bad));
            Assert.Contains($"invalid detach keys ({bad})", e.Message);
        }
    }

    [Fact]
    public void LongerDetachSequencesHoldOnlyWhatMayStartThem()
    {
        var keys = new DetachKeys("ctrl-a,ctrl-a,x");
        AssertFiltered(keys, [0x01, 0x01], [], false);
        // A third Ctrl-A breaks the sequence: the two held go on, and it may start the sequence afresh.
        AssertFiltered(keys, [0x01], [0x01, 0x01], false);
        AssertFiltered(keys, "y"u8, [0x01, (byte)'y'], false);
        AssertFiltered(keys, [0x01, 0x01, (byte)'x', (byte)'z'], [], true);
        var single = new DetachKeys("q");
        AssertFiltered(single, "abq"u8, "ab"u8, true);
    }

    private static void AssertFiltered(DetachKeys keys, ReadOnlySpan<byte> input, ReadOnlySpan<byte> forward, bool detach)
    {
        var (f, d) = keys.Filter(input);
        Assert.Equal(forward.ToArray(), f);
        Assert.Equal(detach, d);
    }

    [Fact]
    public void InteractiveAndRestartFlags()
    {
        var (o, flags) = CreateFlags.Parse(["-it", "--restart", "on-failure:2", "img", "sh"], "run");
        Assert.True(o.Tty);
        Assert.True(o.Interactive);
        Assert.Equal("on-failure:2", o.Restart);
        Assert.False(flags.Has("d"));
        var (d, _) = CreateFlags.Parse(["-d", "-t", "img"], "create");
        Assert.True(d.Tty);
        Assert.False(d.Interactive);
    }

    [Fact]
    public void ExecFlagsStopAtTheContainer()
    {
        var (container, o) = ExecCommand.Parse(["-it", "-e", "A=1", "--user=daemon", "-w", "/tmp", "--privileged", "web", "sh", "-c", "echo -e hi", "-u"]);
        Assert.Equal("web", container);
        Assert.Equal(["sh", "-c", "echo -e hi", "-u"], o.Cmd);
        Assert.Equal((true, true, false, true), (o.Tty, o.Interactive, o.Detach, o.Privileged));
        Assert.Equal(("daemon", "/tmp"), (o.User, o.WorkingDir));
        Assert.Equal(["A=1"], o.Env);
        Assert.Throws<UsageException>(() => ExecCommand.Parse(["-d", "web"]));
        Assert.Throws<UsageException>(() => ExecCommand.Parse(["--bogus", "web", "sh"]));
    }

    private static readonly UserDatabase Users = new("root:x:0:0::/root:/bin/sh\ndaemon:x:1:1::/usr/sbin:/bin/false\n", "root:x:0:\ndaemon:x:1:\n");

    private static OciProcess ContainerProcess() => new()
    {
        Args = ["server"], Cwd = "/srv", Env = ["PATH=/bin", "HOSTNAME=abc", "HOME=/root"], User = new Oci.Spec.User { Uid = 0, Gid = 0 },
        Capabilities = new Oci.Spec.Capabilities { Bounding = ["CAP_CHOWN"], Effective = ["CAP_CHOWN"], Permitted = ["CAP_CHOWN"] },
        NoNewPrivileges = true,
    };

    private static ContainerConfig Config() => new() { Env = ["PATH=/bin", "HOSTNAME=abc", "LANG=C"], User = "", Hostname = "abc", WorkingDir = "/srv" };

    [Fact]
    public void ExecProcessKeepsTheContainersSettings()
    {
        var p = ExecSpec.Build(ContainerProcess(), Config(), new ExecOptions { Cmd = ["sh"] }, Users, _ => null);
        Assert.Equal(["sh"], p.Args!);
        Assert.Equal("/srv", p.Cwd);
        Assert.Equal((0u, 0u), (p.User.Uid, p.User.Gid));
        // HOSTNAME first, as for the container itself (SpecBuilder.MergeEnvironment).
        Assert.Equal(["HOSTNAME=abc", "PATH=/bin", "LANG=C", "HOME=/root"], p.Env!);
        Assert.Equal(["CAP_CHOWN"], p.Capabilities!.Bounding!);
        Assert.True(p.NoNewPrivileges);
        Assert.False(p.Terminal);
    }

    [Fact]
    public void ExecFlagsChangeUserEnvWorkdirTerminalAndCapabilities()
    {
        var o = new ExecOptions { Cmd = ["id"], User = "daemon", Env = ["LANG=fr", "X=1", "FROM_HOST"], WorkingDir = "/tmp", Tty = true, Privileged = true, ConsoleSize = (40, 120) };
        var p = ExecSpec.Build(ContainerProcess(), Config(), o, Users, n => n == "FROM_HOST" ? "yes" : null);
        Assert.Equal((1u, 1u), (p.User.Uid, p.User.Gid));
        Assert.Equal(["HOSTNAME=abc", "PATH=/bin", "LANG=fr", "X=1", "FROM_HOST=yes", "HOME=/usr/sbin", "TERM=xterm"], p.Env!);
        Assert.Equal("/tmp", p.Cwd);
        Assert.True(p.Terminal);
        Assert.Equal((40u, 120u), (p.ConsoleSize!.Height, p.ConsoleSize.Width));
        Assert.Equal(CapabilityNames.All.Count(), p.Capabilities!.Bounding!.Count);
    }

    [Fact]
    public void ExecErrorsNameTheField()
    {
        Assert.Contains("nosuchuser", Assert.Throws<InvalidOptionException>(() => ExecSpec.Build(ContainerProcess(), Config(), new ExecOptions { Cmd = ["id"], User = "nosuchuser" }, Users, _ => null)).Message);
        Assert.Contains("relative", Assert.Throws<InvalidOptionException>(() => ExecSpec.Build(ContainerProcess(), Config(), new ExecOptions { Cmd = ["id"], WorkingDir = "relative" }, Users, _ => null)).Message);
    }

    [Fact]
    public void TtyAddsTermToTheContainer()
    {
        var (spec, config) = SpecBuilder.Build(new SpecInputs
        {
            Id = new string('a', 64), Options = new CreateOptions { Image = "x", Cmd = ["sh"], Tty = true }, RootfsPath = "/r", CgroupsPath = "/berth/a",
        });
        Assert.True(spec.Process!.Terminal);
        Assert.Contains("TERM=xterm", spec.Process.Env!);
        Assert.Contains("TERM=xterm", config.Env);
        var (plain, _) = SpecBuilder.Build(new SpecInputs { Id = new string('a', 64), Options = new CreateOptions { Image = "x", Cmd = ["sh"] }, RootfsPath = "/r", CgroupsPath = "/berth/a" });
        Assert.False(plain.Process!.Terminal);
        Assert.DoesNotContain(plain.Process.Env!, e => e.StartsWith("TERM="));
    }
}
