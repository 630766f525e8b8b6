using Berth.Conformance.Harness;

namespace Berth.Conformance.BerthOnly;

/// <summary>--trace prints every kernel step in order, in plain words.</summary>
public class TraceTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Trace_tells_each_step_in_order(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Spec.Linux!.Resources = new Oci.Spec.Resources { Pids = new Oci.Spec.Pids { Limit = 20 } };
        b.Write();
        var r = b.Cli("--trace", "run", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --trace");
        string[] expected =
        [
            "clone with new namespaces", "CLONE_NEWPID", "mount proc on /proc",
            "mknod /dev/null", "pivot_root(", "sethostname", "capset", "execve /bin/true",
        ];
        int at = 0;
        foreach (string step in expected)
        {
            int found = r.Stderr.IndexOf(step, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"trace lacks \"{step}\" after position {at}:\n{r.Stderr}");
            at = found;
        }
        // The runtime applies the limits while the init starts (their lines interleave with the init's
        // mounts), but always before the init may pivot: so after the clone and before pivot_root.
        int limit = r.Stderr.IndexOf("pids.max", StringComparison.Ordinal);
        Assert.True(limit > r.Stderr.IndexOf("clone with new namespaces", StringComparison.Ordinal), $"pids.max before the clone:\n{r.Stderr}");
        Assert.True(limit < r.Stderr.IndexOf("pivot_root(", StringComparison.Ordinal), $"pids.max after pivot_root:\n{r.Stderr}");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Without_trace_nothing_is_printed(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        Assert.Equal("", b.Run().AssertSuccess("run").Stderr);
    }
}
