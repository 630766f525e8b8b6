namespace Berth.Engine.IntegrationTests;

/// <summary>
/// -i, -t, attach, start -ai and detach keys, with berth on a real pty (<see cref="PtyProcess"/>) and real
/// containers: what a user at a terminal sees.
/// </summary>
[Collection(EngineCollection.Name)]
public class InteractiveTests(EngineFixture f)
{
    private const string CtrlC = "\x03", DetachKeys = "\x10\x11";

    private void AssertNothingLeft()
    {
        Assert.Equal("", f.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(f.RunEntries("containers"));
        Assert.Empty(f.RunEntries("runtime"));
        Assert.Empty(f.LeftoverMounts());
        Assert.Empty(f.LeftoverCgroups());
    }

    private static string Name() => "berth-test-" + Guid.NewGuid().ToString("N")[..10];

    [EngineFact]
    public void RunItGivesAShellOnTheTerminal()
    {
        using var term = f.Terminal("run", "-it", "--rm", f.Image, "sh");
        int at = term.WaitFor("# ");
        term.Write("tty; echo TERM=$TERM; stty size\r");
        at = term.WaitFor("/dev/pts/0", at);
        at = term.WaitFor("TERM=xterm", at);
        at = term.WaitFor("24 80", at);
        // A terminal resized by the user: SIGWINCH to berth, a 'W' frame to the monitor, TIOCSWINSZ on the pty.
        term.Resize(41, 123);
        Thread.Sleep(300);
        term.Write("stty size\r");
        at = term.WaitFor("41 123", at);
        // Ctrl-C is a byte for the container's pty: it interrupts the sleep, not berth.
        term.Write("sleep 60; echo after-sleep $?\r");
        Thread.Sleep(500);
        term.Write(CtrlC);
        at = term.WaitFor("# ", at);
        term.Write("echo still-here\r");
        at = term.WaitFor("still-here\r\n", at);
        Assert.DoesNotContain("after-sleep 0", term.Output);
        term.Write("exit 7\r");
        Assert.Equal(7, term.WaitForExit());
        AssertNothingLeft();
    }

    [EngineFact]
    public void DetachKeysLeaveTheContainerRunningAndAttachComesBack()
    {
        string name = Name();
        try
        {
            using (var term = f.Terminal("run", "-it", "--name", name, f.Image, "sh"))
            {
                int at = term.WaitFor("# ");
                term.Write("echo one > /tmp/mark\r");
                term.WaitFor("# ", at);
                term.Write(DetachKeys);
                Assert.Equal(0, term.WaitForExit());
            }
            Assert.Equal("running", f.Inspect(name, "State.Status"));
            using (var term = f.Terminal("attach", name))
            {
                Thread.Sleep(500);
                term.Write("cat /tmp/mark; exit 3\r");
                term.WaitFor("one");
                Assert.Equal(3, term.WaitForExit());
            }
            Assert.Equal("exited", f.Inspect(name, "State.Status"));
            Assert.Equal("3", f.Inspect(name, "State.ExitCode"));
        }
        finally
        {
            f.Run("rm", "-f", name);
        }
        AssertNothingLeft();
    }

    [EngineFact]
    public void DetachKeysFlagReplacesCtrlPCtrlQ()
    {
        string name = Name();
        try
        {
            using (var term = f.Terminal("run", "-it", "--name", name, "--detach-keys", "ctrl-a,x", f.Image, "sh"))
            {
                int at = term.WaitFor("# ");
                // docker's default keys are ordinary input now: the shell still answers.
                term.Write(DetachKeys);
                term.Write("echo still-attached\r");
                at = term.WaitFor("still-attached\r\n", at);
                // A held Ctrl-A that is not followed by 'x' goes on to the container as typed.
                term.Write("\x01");
                term.Write("\x01x");
                Assert.Equal(0, term.WaitForExit());
            }
            Assert.Equal("running", f.Inspect(name, "State.Status"));
            using (var term = f.Terminal("attach", "--detach-keys", "ctrl-q", name))
            {
                Thread.Sleep(500);
                term.Write("\x11");
                Assert.Equal(0, term.WaitForExit());
            }
            Assert.Equal("running", f.Inspect(name, "State.Status"));
            var bad = f.Run("attach", "--detach-keys", "ctrl-pp", name);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("invalid detach keys (ctrl-pp)", bad.Stderr);
        }
        finally
        {
            f.Run("rm", "-f", name);
        }
        var refused = f.Run("run", "--detach-keys", "ctrl-", "--name", name, f.Image, "true");
        Assert.Equal(125, refused.ExitCode);
        Assert.Contains("invalid detach keys", refused.Stderr);
        AssertNothingLeft();
    }

    [EngineFact]
    public void SigProxyFalseLetsCtrlCEndOnlyTheCli()
    {
        string name = Name();
        try
        {
            string script = "trap 'exit 9' INT; echo ready; while true; do sleep 0.1; done";
            Assert.Equal(0, f.Run("run", "-d", "--name", name, f.Image, "sh", "-c", script).ExitCode);
            using (var term = f.Terminal("attach", "--sig-proxy=false", name))
            {
                Thread.Sleep(500);
                term.Write(CtrlC);
                Assert.Equal(130, term.WaitForExit());
            }
            Assert.Equal("running", f.Inspect(name, "State.Status"));
            // With the default --sig-proxy, the same Ctrl-C reaches the container, whose trap exits 9.
            using (var term = f.Terminal("attach", name))
            {
                Thread.Sleep(500);
                term.Write(CtrlC);
                Assert.Equal(9, term.WaitForExit());
            }
            Assert.Equal("exited 9", f.Inspect(name, "State.Status") + " " + f.Inspect(name, "State.ExitCode"));
        }
        finally
        {
            f.Run("rm", "-f", name);
        }
        AssertNothingLeft();
    }

    [EngineFact]
    public void StartAiAttachesToACreatedContainer()
    {
        string name = Name();
        try
        {
            Assert.Equal(0, f.Run("create", "-it", "--name", name, f.Image, "sh").ExitCode);
            using (var term = f.Terminal("start", "-ai", name))
            {
                int at = term.WaitFor("# ");
                term.Write("echo from-start; exit 4\r");
                term.WaitFor("from-start\r\n", at);
                Assert.Equal(4, term.WaitForExit());
            }
            // A second start -ai: the same container again.
            using (var term = f.Terminal("start", "-ai", name))
            {
                term.WaitFor("# ");
                term.Write("exit 0\r");
                Assert.Equal(0, term.WaitForExit());
            }
        }
        finally
        {
            f.Run("rm", "-f", name);
        }
        AssertNothingLeft();
    }

    [EngineFact]
    public void RunIPipesStdinAndClosesIt()
    {
        var r = f.RunWithInput("one\ntwo\n", "run", "-i", "--rm", f.Image, "sh", "-c", "cat; echo eof; exit 5");
        Assert.Equal((5, "one\ntwo\neof\n"), (r.ExitCode, r.Stdout));
        // Without -i the container's stdin is empty, whatever ours holds.
        var plain = f.RunWithInput("ignored\n", "run", "--rm", f.Image, "sh", "-c", "cat; echo eof");
        Assert.Equal((0, "eof\n"), (plain.ExitCode, plain.Stdout));
        AssertNothingLeft();
    }

    [EngineFact]
    public void ItWithoutATerminalIsRefused()
    {
        var r = f.RunWithInput("", "run", "-it", "--rm", f.Image, "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not a TTY", r.Stderr);
        AssertNothingLeft();
    }
}
