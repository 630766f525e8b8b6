using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Hooks;

/// <summary>runtime-spec config.md "POSIX-platform Hooks": each phase runs, gets the state on stdin, honours timeouts.</summary>
public class HookTests
{
    private static Hook Record(string dir, string phase) => new()
    {
        Path = "/bin/sh",
        Args = ["sh", "-c", $"cat > {dir}/{phase}.json"],
    };

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Every_hook_phase_runs_with_the_state_on_stdin(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Spec.Root!.Readonly = false;
        string dir = b.Dir;
        b.Spec.Hooks = new Oci.Spec.Hooks
        {
            Prestart = [Record(dir, "prestart")],
            CreateRuntime = [Record(dir, "createRuntime")],
            CreateContainer = [Record(dir, "createContainer")],
            StartContainer = [new Hook { Path = "/bin/sh", Args = ["sh", "-c", "cat > /startContainer.json"] }],
            Poststart = [Record(dir, "poststart")],
            Poststop = [Record(dir, "poststop")],
        };
        b.Run().AssertSuccess("run");
        foreach (string phase in new[] { "prestart", "createRuntime", "createContainer", "poststart", "poststop" })
        {
            string file = Path.Combine(dir, phase + ".json");
            Assert.True(File.Exists(file), $"{phase} hook did not run");
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(b.Id, doc.RootElement.GetProperty("id").GetString());
            Assert.Equal(b.BundleDir, doc.RootElement.GetProperty("bundle").GetString());
        }
        Assert.True(File.Exists(Path.Combine(b.Rootfs, "startContainer.json")), "startContainer hook did not run in the container");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_failing_prestart_hook_fails_create_and_leaves_nothing(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Spec.Hooks = new Oci.Spec.Hooks { Prestart = [new Hook { Path = "/bin/false" }] };
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_hook_past_its_timeout_fails_create(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "true");
        b.Spec.Hooks = new Oci.Spec.Hooks { CreateRuntime = [new Hook { Path = "/bin/sleep", Args = ["sleep", "30"], Timeout = 1 }] };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.NotEqual(0, b.Create().ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"create took {watch.Elapsed}");
        Assert.Empty(b.Leftovers());
    }
}
