using System.Text.Json;
using Berth.Conformance.Harness;
using Berth.Oci;
using Berth.Oci.Spec;
using static Berth.Conformance.Lifecycle.LifecycleTests;

namespace Berth.Conformance.Cli;

/// <summary>
/// `exec`: not part of the runtime-spec, but of runc's command line, which containerd's shim, conmon and
/// dockerd call. Each test runs against runc too, so the expectations are runc's.
/// </summary>
public class ExecTests
{
    private static TestBundle Running(RuntimeUnderTest runtime)
    {
        var b = new TestBundle(runtime, "sleep", "60");
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        return b;
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_runs_in_every_namespace_of_the_container(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        int init = b.Pid();
        string[] types = ["pid", "mnt", "net", "uts", "ipc", "cgroup"];
        string script = string.Join("; ", types.Select(t => $"readlink /proc/self/ns/{t}"));
        var r = b.Cli("exec", b.Id, "sh", "-c", script).AssertSuccess("exec");
        string[] inside = r.Stdout.Trim().Split('\n');
        for (int i = 0; i < types.Length; i++)
        {
            string host = new FileInfo($"/proc/{init}/ns/{types[i]}").LinkTarget!;
            Assert.Equal(host, inside[i]);
        }
        Assert.Equal("berth-test\n", b.Cli("exec", b.Id, "hostname").AssertSuccess("exec hostname").Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_returns_the_exit_code_and_passes_stdio_through(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        var r = b.Cli("exec", b.Id, "sh", "-c", "echo out; echo err >&2; exit 7");
        Assert.Equal(7, r.ExitCode);
        Assert.Equal("out\n", r.Stdout);
        Assert.Contains("err", r.Stderr);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_detach_writes_the_pid_of_a_process_in_the_container_cgroup(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        string pidFile = Path.Combine(b.Dir, "exec.pid");
        b.Cli("exec", "--detach", "--pid-file", pidFile, b.Id, "sleep", "30").AssertSuccess("exec --detach");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(File.ReadAllText($"/proc/{b.Pid()}/cgroup"), File.ReadAllText($"/proc/{pid}/cgroup"));
        Assert.Equal(new FileInfo($"/proc/{b.Pid()}/ns/pid").LinkTarget, new FileInfo($"/proc/{pid}/ns/pid").LinkTarget);
        Assert.Contains("sleep 30", b.Cli("exec", b.Id, "ps").AssertSuccess("exec ps").Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_flags_set_user_cwd_env_and_capabilities(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        var r = b.Cli("exec", "--user", "1000:1001", "--cwd", "/tmp", "--env", "A=1", "--env", "B=2", b.Id,
            "sh", "-c", "id -u; id -g; pwd; echo $A$B; grep CapEff /proc/self/status").AssertSuccess("exec with flags");
        string[] lines = r.Stdout.Trim().Split('\n');
        Assert.Equal(["1000", "1001", "/tmp", "12"], lines[..4]);
        Assert.Equal("CapEff:\t0000000000000000", lines[4]);

        // --cap adds to the bounding, effective and permitted sets (root keeps its effective set).
        var caps = b.Cli("exec", "--cap", "CAP_SYS_ADMIN", b.Id, "grep", "CapBnd", "/proc/self/status").AssertSuccess("exec --cap");
        ulong bnd = Convert.ToUInt64(caps.Stdout.Split('\t')[1].Trim(), 16);
        Assert.NotEqual(0UL, bnd & (1UL << 21)); // CAP_SYS_ADMIN
        var without = b.Cli("exec", b.Id, "grep", "CapBnd", "/proc/self/status").AssertSuccess("exec");
        Assert.Equal(0UL, Convert.ToUInt64(without.Stdout.Split('\t')[1].Trim(), 16) & (1UL << 21));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_process_file_gives_the_whole_process(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        var process = new Berth.Oci.Spec.Process
        {
            Args = ["sh", "-c", "echo $WHO; pwd; id -u"],
            Env = ["PATH=/bin:/usr/bin", "WHO=process-file"],
            Cwd = "/etc",
            User = new User { Uid = 5, Gid = 5 },
        };
        string file = Path.Combine(b.Dir, "process.json");
        File.WriteAllText(file, JsonSerializer.Serialize(process, OciJsonContext.Default.Process));
        var r = b.Cli("exec", "--process", file, b.Id).AssertSuccess("exec --process");
        Assert.Equal("process-file\n/etc\n5\n", r.Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_of_a_missing_program_fails_and_leaves_no_process(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        var r = b.Cli("exec", b.Id, "/no/such/program");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no/such/program", r.Stderr);
        var ps = b.Cli("exec", b.Id, "ps", "-o", "comm").AssertSuccess("exec ps");
        Assert.Equal(["COMMAND", "sleep", "ps"], ps.Stdout.Trim().Split('\n').Select(l => l.Trim()));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_into_a_stopped_or_missing_container_fails(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        b.Cli("kill", b.Id, "KILL").AssertSuccess("kill");
        WaitFor(() => b.Status() == "stopped", "the container to stop");
        var stopped = b.Cli("exec", b.Id, "true");
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("stopped", stopped.Stderr);
        var missing = b.Cli("exec", b.Id + "-missing", "true");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("not exist", missing.Stderr);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Ps_lists_the_containers_processes_in_table_and_json(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        string pidFile = Path.Combine(b.Dir, "exec.pid");
        b.Cli("exec", "--detach", "--pid-file", pidFile, b.Id, "sleep", "31").AssertSuccess("exec --detach");
        int execPid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var json = b.Cli("ps", "--format", "json", b.Id).AssertSuccess("ps --format json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var pids = doc.RootElement.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(new[] { b.Pid(), execPid }.Order(), pids.Order());
        var table = b.Cli("ps", b.Id).AssertSuccess("ps").Stdout.Trim().Split('\n');
        Assert.Contains("PID", table[0]);
        Assert.Equal(3, table.Length);
        Assert.Contains(table, l => l.EndsWith("sleep 31", StringComparison.Ordinal));
        var custom = b.Cli("ps", b.Id, "-o", "pid,comm").AssertSuccess("ps -o pid,comm").Stdout;
        Assert.Contains($"{execPid} sleep", custom);
    }
}
