using System.Diagnostics;
using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Pull;
using Berth.Images.Reference;
using static Berth.Images.IntegrationTests.ProcessRunner;

namespace Berth.Images.IntegrationTests;

/// <summary>The berth CLI against a real docker-registry holding the busybox fixture (pushed by skopeo).</summary>
[Collection(FixtureCollection.Name)]
public sealed class PullTests(BusyboxImage fixture) : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [RegistryFact]
    public void Pull_list_inspect_history_tag_rmi_prune()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Single, "latest", "library/busybox:1.0");
        string image = $"{registry.Host}/library/busybox:1.0";
        var pull = RunBerth(_root.Path, null, "pull", image);
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains("Download complete", pull.Stdout);
        Assert.Contains(": Unpacked\n", pull.Stdout);
        Assert.Contains($"Status: Downloaded newer image for {image}", pull.Stdout);
        Assert.Equal(3, _root.Blobs().Length);
        string layer = Assert.Single(_root.Layers());
        Assert.True(File.Exists(Path.Combine(layer, "diff", "bin", "busybox")), "the layer is unpacked at pull time");

        var again = RunBerth(_root.Path, null, "pull", image);
        Assert.Contains("Image is up to date", again.Stdout);

        Assert.Contains("library/busybox   1.0", RunBerth(_root.Path, null, "images").Stdout);
        var inspect = RunBerth(_root.Path, null, "image", "inspect", image);
        Assert.Contains("\"Cmd\": [", inspect.Stdout);
        Assert.Contains("\"Architecture\": \"amd64\"", inspect.Stdout);
        Assert.Contains("berth fixture: busybox-static rootfs", RunBerth(_root.Path, null, "image", "history", image).Stdout);

        Assert.Equal(0, RunBerth(_root.Path, null, "tag", image, "mybox:v1").ExitCode);
        Assert.Contains("Untagged: mybox:v1", RunBerth(_root.Path, null, "rmi", "mybox:v1").Stdout);
        Assert.Equal(3, _root.Blobs().Length);
        var rmi = RunBerth(_root.Path, null, "rmi", image);
        Assert.Contains("Deleted: sha256:", rmi.Stdout);
        Assert.DoesNotContain(_root.Blobs(), b => !b.Contains("/locks/"));
        Assert.Empty(_root.Layers());
        Assert.Equal("", RunBerth(_root.Path, null, "images", "-q").Stdout);
    }

    [RegistryFact]
    public void Platform_is_chosen_from_the_index_and_a_missing_one_fails_cleanly()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Multi, "multi", "busybox:multi");
        string image = $"{registry.Host}/busybox:multi";
        var arm = RunBerth(_root.Path, null, "pull", "--platform", "linux/arm64", image);
        Assert.True(arm.ExitCode == 0, arm.ToString());
        Assert.Contains("\"Architecture\": \"arm64\"", RunBerth(_root.Path, null, "image", "inspect", image).Stdout);

        var missing = RunBerth(_root.Path, null, "pull", "--platform", "linux/s390x", image);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"berth: {registry.Host}/busybox:multi: no manifest for platform linux/s390x in the image index (available: linux/amd64, linux/arm64/v8); choose one with --platform\n", missing.Stderr);
    }

    [RegistryFact]
    public void Unknown_tag_and_unreachable_registry_are_one_line_errors_and_store_nothing()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Single, "latest", "busybox:1.0");
        var unknown = RunBerth(_root.Path, null, "pull", $"{registry.Host}/busybox:nope");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("manifest unknown", unknown.Stderr);
        Assert.Single(unknown.Stderr.TrimEnd().Split('\n'));
        var unreachable = RunBerth(_root.Path, null, "pull", $"127.0.0.1:{LocalRegistry.FreePort()}/busybox:1.0");
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("cannot reach 127.0.0.1", unreachable.Stderr);
        var bad = RunBerth(_root.Path, null, "pull", "Bad/Name");
        Assert.Contains("must be lowercase", bad.Stderr);
        Assert.Empty(_root.Blobs());
    }

    [RegistryFact]
    public async Task Second_pull_of_a_present_image_is_a_manifest_check_under_50ms()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Multi, "multi", "busybox:multi");
        var store = new ImageStore(_root.Path);
        using var client = new RegistryClient(new RegistryOptions());
        var puller = new ImagePuller(client, store);
        var reference = ImageReference.Parse($"{registry.Host}/busybox:multi");
        Assert.False((await puller.PullAsync(reference, Platform.Parse("linux/amd64"), null, default)).UpToDate);
        var clock = Stopwatch.StartNew();
        var again = await puller.PullAsync(reference, Platform.Parse("linux/amd64"), null, default);
        clock.Stop();
        Assert.True(again.UpToDate);
        Assert.True(clock.ElapsedMilliseconds < 50, $"second pull took {clock.ElapsedMilliseconds} ms");
    }

    [RegistryFact]
    public void Two_processes_pulling_the_same_image_at_once_both_succeed()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Single, "latest", "busybox:1.0");
        string image = $"{registry.Host}/busybox:1.0";
        using var a = StartBerth(_root.Path, "pull", "-q", image);
        using var b = StartBerth(_root.Path, "pull", "-q", image);
        Assert.True(a.WaitForExit(60_000) && b.WaitForExit(60_000));
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.StandardError.ReadToEnd() + b.StandardError.ReadToEnd());
        var images = new ImageStore(_root.Path).List();
        Assert.Single(images);
        Assert.DoesNotContain(_root.Blobs(), f => Path.GetFileName(f).StartsWith(".tmp"));
        Assert.Equal(3, _root.Blobs().Count(f => !f.Contains("/locks/")));
    }

    [RegistryFact]
    public void Push_sends_blobs_and_manifest_and_the_result_pulls_elsewhere()
    {
        using var registry = LocalRegistry.Start();
        registry.Push(fixture.Single, "latest", "busybox:1.0");
        Assert.Equal(0, RunBerth(_root.Path, null, "pull", "-q", $"{registry.Host}/busybox:1.0").ExitCode);
        Assert.Equal(0, RunBerth(_root.Path, null, "tag", $"{registry.Host}/busybox:1.0", $"{registry.Host}/copied/box:2").ExitCode);
        var push = RunBerth(_root.Path, null, "push", $"{registry.Host}/copied/box:2");
        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("Pushed", push.Stdout);
        Assert.Contains("2: digest: sha256:", push.Stdout);
        var inspect = Run("/usr/bin/skopeo", ["inspect", "--tls-verify=false", $"docker://{registry.Host}/copied/box:2"]);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        using var other = new TempRoot();
        Assert.Equal(0, RunBerth(other.Path, null, "pull", "-q", $"{registry.Host}/copied/box:2").ExitCode);
        var again = RunBerth(_root.Path, null, "push", $"{registry.Host}/copied/box:2");
        Assert.Contains("Layer already exists", again.Stdout);
    }
}
