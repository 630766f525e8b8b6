using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Errors;

/// <summary>Bad input and faults: non-zero exit, nothing left behind (state, cgroups, processes). Any runtime.</summary>
public class BadInputTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_missing_bundle_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        Assert.NotEqual(0, b.Cli("create", "--bundle", "/nonexistent/berth-test-bundle", b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Invalid_json_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Write();
        File.WriteAllText(Path.Combine(b.BundleDir, "config.json"), "{\n \"ociVersion\": \"1.0.2\",\n \"process\": {\"user\": {\"uid\": \"zero\"}}\n}");
        Assert.NotEqual(0, b.Cli("create", "--bundle", b.BundleDir, b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_missing_rootfs_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Root!.Path = "no-such-rootfs";
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void An_unknown_namespace_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Namespaces!.Add(new Namespace { Type = "bogus" });
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Empty(b.Leftovers());
    }

    // config.md: a value that cannot be mapped to a kernel interface MUST fail. runc 1.1 only warns
    // and drops the name, so this is checked against berth-runtime only.
    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void An_unknown_capability_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.Capabilities!.Bounding!.Add("CAP_BOGUS");
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_duplicate_id_fails_and_keeps_the_first_container(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Create().AssertSuccess("create");
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Equal("created", b.Status());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_binary_missing_from_the_rootfs_fails_create_and_leaves_nothing(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "/bin/no-such-program");
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Empty(b.Leftovers());
        var afterRun = b.Run();
        Assert.NotEqual(0, afterRun.ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Operations_on_a_missing_container_fail(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        Assert.NotEqual(0, b.Cli("state", b.Id).ExitCode);
        Assert.NotEqual(0, b.Cli("start", b.Id).ExitCode);
        Assert.NotEqual(0, b.Cli("kill", b.Id, "KILL").ExitCode);
        Assert.NotEqual(0, b.Cli("delete", b.Id).ExitCode);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Start_twice_fails(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Create().AssertSuccess("create");
        b.Cli("start", b.Id).AssertSuccess("start");
        Assert.NotEqual(0, b.Cli("start", b.Id).ExitCode);
    }
}
