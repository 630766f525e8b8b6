namespace Berth.Engine.IntegrationTests;

/// <summary>`berth exec` into real running containers: output, flags, exit codes as docker gives them.</summary>
[Collection(EngineCollection.Name)]
public class ExecTests(EngineFixture f)
{
    private string RunSleeper(params string[] flags)
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..10];
        var r = f.Run(["run", "-d", "--name", name, .. flags, f.Image, "sleep", "300"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return name;
    }

    private void Remove(string name)
    {
        f.Run("rm", "-f", name);
        Assert.Empty(f.RunEntries("containers"));
        Assert.Empty(f.LeftoverMounts());
        Assert.Empty(f.LeftoverCgroups());
    }

    [EngineFact]
    public void ExecRunsInTheContainerWithItsFlagsAndExitCodes()
    {
        string name = RunSleeper("-e", "FROM_RUN=r");
        try
        {
            var r = f.Run("exec", name, "sh", "-c", "echo $FROM_RUN $HOME $(pwd) $(id -u) $(hostname); ls /proc | grep -c '^[0-9]'; exit 5");
            Assert.Equal(5, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"r /root / 0 {f.Inspect(name, "Config.Hostname")}", lines[0]);
            Assert.True(int.Parse(lines[1]) <= 4, r.Stdout); // sleep, sh, ls, grep: the container's pid namespace
            var flags = f.Run("exec", "-e", "A=1", "-u", "daemon", "-w", "/tmp", name, "sh", "-c", "echo $A $(id -u):$(id -g) $(pwd) $HOME");
            Assert.Equal((0, "1 1:1 /tmp /usr/sbin\n"), (flags.ExitCode, flags.Stdout));
            var stdin = f.RunWithInput("piped\n", "exec", "-i", name, "cat");
            Assert.Equal((0, "piped\n"), (stdin.ExitCode, stdin.Stdout));
            var missing = f.Run("exec", name, "berth-test-no-such-command");
            Assert.Equal(127, missing.ExitCode);
            Assert.Contains("berth-test-no-such-command", missing.Stderr);
            Assert.Single(missing.Stderr.Trim().Split('\n'));
            Assert.Equal(126, f.Run("exec", name, "/etc").ExitCode);
            var badUser = f.Run("exec", "-u", "berth-test-nobody", name, "true");
            Assert.NotEqual(0, badUser.ExitCode);
            Assert.Contains("berth-test-nobody", badUser.Stderr);
            // -d: returns at once; the process runs on in the container.
            Assert.Equal(0, f.Run("exec", "-d", name, "sh", "-c", "sleep 0.2; echo done > /tmp/detached").ExitCode);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (f.Run("exec", name, "cat", "/tmp/detached").Stdout != "done\n" && DateTime.UtcNow < deadline) Thread.Sleep(100);
            Assert.Equal("done\n", f.Run("exec", name, "cat", "/tmp/detached").Stdout);
            // Nothing of the execs is left in the run directory but the monitor's own files.
            Assert.DoesNotContain(f.RunEntries(Path.Combine("containers", f.Inspect(name, "Id")!)), e => Path.GetFileName(e).StartsWith("exec-"));
        }
        finally
        {
            Remove(name);
        }
    }

    [EngineFact]
    public void ExecItGivesATerminal()
    {
        string name = RunSleeper();
        try
        {
            using var term = f.Terminal("exec", "-it", name, "sh");
            int at = term.WaitFor("# ");
            term.Write("tty; stty size; echo TERM=$TERM\r");
            at = term.WaitFor("/dev/pts/", at);
            at = term.WaitFor("24 80", at);
            at = term.WaitFor("TERM=xterm", at);
            term.Write("sleep 60\r");
            Thread.Sleep(500);
            term.Write("\x03");
            at = term.WaitFor("# ", at);
            term.Write("exit 9\r");
            Assert.Equal(9, term.WaitForExit());
            Assert.Equal("running", f.Inspect(name, "State.Status"));
        }
        finally
        {
            Remove(name);
        }
    }

    [EngineFact]
    public void ExecGoesThroughTheContainersRuntime()
    {
        string name = RunSleeper("--runtime", "runc");
        try
        {
            var r = f.Run("exec", "-e", "A=runc", name, "sh", "-c", "echo $A; exit 6");
            Assert.Equal((6, "runc\n"), (r.ExitCode, r.Stdout));
            Assert.Equal(127, f.Run("exec", name, "berth-test-no-such-command").ExitCode);
            using var term = f.Terminal("exec", "-it", name, "sh", "-c", "tty; stty size");
            term.WaitFor("/dev/pts/");
            term.WaitFor("24 80");
            Assert.Equal(0, term.WaitForExit());
        }
        finally
        {
            Remove(name);
        }
    }

    [EngineFact]
    public void ExecNeedsARunningContainer()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(0, f.Run("create", "--name", name, f.Image, "true").ExitCode);
        try
        {
            var stopped = f.Run("exec", name, "true");
            Assert.Equal(1, stopped.ExitCode);
            Assert.Contains("is not running", stopped.Stderr);
            var unknown = f.Run("exec", "berth-test-no-such-container", "true");
            Assert.Equal(1, unknown.ExitCode); // docker: 1 (only run and create exit 125 for their own errors)
            Assert.Contains("no such container", unknown.Stderr);
            Assert.Single(unknown.Stderr.Trim().Split('\n'));
        }
        finally
        {
            Remove(name);
        }
    }
}
