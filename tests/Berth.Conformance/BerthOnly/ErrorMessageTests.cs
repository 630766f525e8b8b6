using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.BerthOnly;

/// <summary>berth-runtime's own promise on errors: one clear line naming what failed and where, no stack trace.</summary>
public class ErrorMessageTests
{
    private static string OneLine(CommandResult r)
    {
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one error line, got: {r.Stderr}");
        Assert.DoesNotContain("   at ", r.Stderr);
        return lines[0];
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Invalid_json_names_the_line_and_field(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Write();
        File.WriteAllText(Path.Combine(b.BundleDir, "config.json"), "{\n \"ociVersion\": \"1.0.2\",\n \"process\": {\"user\": {\"uid\": \"zero\"}}\n}");
        string line = OneLine(b.Cli("create", "--bundle", b.BundleDir, b.Id));
        Assert.Contains("line 3", line);
        Assert.Contains("uid", line);
    }

    // The published binary, not the test host, carries the framework's messages: they must be words
    // ("Could not find a part of the path"), never resource keys ("IO_PathNotFound_Path, /x").
    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Framework_messages_are_words_not_resource_keys(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Write();
        File.WriteAllText(Path.Combine(b.BundleDir, "config.json"), "{\n \"ociVersion\": \"1.0.2\",\n \"process\": {");
        string syntax = OneLine(b.Cli("create", "--bundle", b.BundleDir, b.Id));
        Assert.Contains("invalid JSON", syntax);
        Assert.Contains("JSON object or array", syntax);

        string log = Path.Combine(b.Dir, "no-such-dir", "log");
        var r = Exec.Run(runtime.Path, ["--root", b.StateRoot, "--log", log, "state", b.Id]);
        string logLine = Assert.Single(r.Stderr.Split('\n'), l => l.Contains("--log", StringComparison.Ordinal));
        Assert.Contains(log, logLine);
        Assert.Contains("Could not find a part of the path", logLine);
        Assert.DoesNotContain("IO_", logLine);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Missing_bundle_and_rootfs_are_named(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        Assert.Contains("/nonexistent/berth-test-bundle", OneLine(b.Cli("create", "--bundle", "/nonexistent/berth-test-bundle", b.Id)));
        b.Spec.Root!.Path = "no-such-rootfs";
        Assert.Contains("no-such-rootfs", OneLine(b.Create()));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Unknown_namespace_and_capability_are_named(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Namespaces!.Add(new Namespace { Type = "bogus" });
        Assert.Contains("bogus", OneLine(b.Create()));
        b.Spec.Linux.Namespaces.RemoveAt(b.Spec.Linux.Namespaces.Count - 1);
        b.Spec.Process!.Capabilities!.Bounding!.Add("CAP_BOGUS");
        Assert.Contains("CAP_BOGUS", OneLine(b.Create()));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Lifecycle_mistakes_say_what_is_wrong(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        Assert.Contains("does not exist", OneLine(b.Cli("state", b.Id)));
        b.Create().AssertSuccess("create");
        Assert.Contains("already exists", OneLine(b.Create()));
        b.Cli("start", b.Id).AssertSuccess("start");
        Assert.Contains("--force", OneLine(b.Cli("delete", b.Id)));
        b.Cli("kill", b.Id, "KILL").AssertSuccess("kill");
        Lifecycle.LifecycleTests.WaitFor(() => b.Status() == "stopped", "stop");
        Assert.Contains("not running", OneLine(b.Cli("kill", b.Id)));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Missing_binary_is_named(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "no-such-program");
        Assert.Contains("no-such-program", OneLine(b.Create()));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Json_log_gets_the_error_for_containerd(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string log = Path.Combine(b.Dir, "log.json");
        var r = Exec.Run(runtime.Path, ["--root", b.StateRoot, "--log", log, "--log-format", "json", "state", b.Id]);
        Assert.NotEqual(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(log).Last());
        Assert.Equal("error", doc.RootElement.GetProperty("level").GetString());
        Assert.Contains("does not exist", doc.RootElement.GetProperty("msg").GetString());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void A_non_root_caller_is_told_so(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Write();
        var r = Exec.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", runtime.Path, "--root", Path.Combine(b.Dir, "nobody-state"), "create", "--bundle", b.BundleDir, b.Id]);
        Assert.Contains("user namespace", OneLine(r));
        Assert.Empty(b.Leftovers());
    }
}
