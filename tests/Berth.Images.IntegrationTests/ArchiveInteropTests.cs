using System.Text.Json;
using Berth.Images.Content;
using static Berth.Images.IntegrationTests.ProcessRunner;

namespace Berth.Images.IntegrationTests;

/// <summary>
/// save/load/import against the reference tools: archives written by skopeo load into berth, berth's archives
/// load with skopeo and podman (isolated root, vfs driver, a temp containers.conf), always with the same layer
/// diff IDs as the busybox fixture; bad archives through the CLI give one error line and leave the store empty.
/// </summary>
[Collection(FixtureCollection.Name)]
public sealed class ArchiveInteropTests(BusyboxImage fixture) : IDisposable
{
    private readonly TempRoot _root = new();
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "berth-test-archive-" + Guid.NewGuid().ToString("N")[..10])).FullName;

    public void Dispose()
    {
        _root.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private string FixtureDiffId() => DiffIds(Skopeo("inspect", "--config", $"oci:{fixture.Single}:latest")).Single();

    private static List<string> DiffIds(string configJson) =>
        JsonDocument.Parse(configJson).RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string Skopeo(params string[] args)
    {
        var result = Run("/usr/bin/skopeo", args);
        Assert.True(result.ExitCode == 0, "skopeo " + string.Join(' ', args) + ": " + result);
        return result.Stdout;
    }

    private string Berth(params string[] args)
    {
        var result = RunBerth(_root.Path, null, args);
        Assert.True(result.ExitCode == 0, "berth " + string.Join(' ', args) + ": " + result);
        return result.Stdout;
    }

    [RegistryTheory]
    [InlineData("docker-archive")]
    [InlineData("oci-archive")]
    public void An_archive_written_by_skopeo_loads_into_berth(string transport)
    {
        string archive = Path.Combine(_work, "skopeo.tar");
        Skopeo("copy", $"oci:{fixture.Single}:latest", $"{transport}:{archive}:busybox:from-skopeo");
        Assert.Equal("Loaded image: busybox:from-skopeo\n", Berth("load", "-i", archive));
        var image = new ImageStore(_root.Path).Get("busybox:from-skopeo");
        Assert.Equal([FixtureDiffId()], image.DiffIds);
        Assert.True(File.Exists(Path.Combine(_root.Path, "storage", "layers", image.DiffIds[0][7..], "diff", "bin", "busybox")));
    }

    [RegistryFact]
    public void Berths_archives_load_with_skopeo_with_the_same_diff_ids()
    {
        string source = Path.Combine(_work, "source.tar");
        Skopeo("copy", $"oci:{fixture.Single}:latest", $"oci-archive:{source}:docker.io/library/busybox:1.0");
        Berth("load", "-i", source);
        string dockerArchive = Path.Combine(_work, "berth-docker.tar"), ociArchive = Path.Combine(_work, "berth-oci.tar");
        Berth("save", "-o", dockerArchive, "busybox:1.0");
        Berth("save", "--format", "oci-archive", "-o", ociArchive, "busybox:1.0");
        string expected = FixtureDiffId();

        Skopeo("copy", $"docker-archive:{dockerArchive}", $"oci:{_work}/from-docker:x");
        Assert.Equal([expected], DiffIds(Skopeo("inspect", "--config", $"oci:{_work}/from-docker:x")));
        Skopeo("copy", $"oci-archive:{ociArchive}", $"oci:{_work}/from-oci:x");
        Assert.Equal([expected], DiffIds(Skopeo("inspect", "--config", $"oci:{_work}/from-oci:x")));
    }

    [PodmanFact]
    public void Berths_docker_archive_loads_with_podman_with_the_same_diff_ids()
    {
        string source = Path.Combine(_work, "source.tar");
        Skopeo("copy", $"oci:{fixture.Single}:latest", $"docker-archive:{source}:docker.io/library/busybox:1.0");
        Berth("load", "-i", source);
        string dockerArchive = Path.Combine(_work, "berth-docker.tar");
        Berth("save", "-o", dockerArchive, "busybox:1.0");
        string conf = Path.Combine(_work, "containers.conf");
        File.WriteAllText(conf, "[containers]\ndefault_ulimits = [\"nofile=20000:20000\",\"nproc=32768:32768\"]\n[engine]\nruntime = \"runc\"\n");
        var env = new Dictionary<string, string> { ["CONTAINERS_CONF"] = conf };
        string[] podman = ["--root", Path.Combine(_work, "podman-root"), "--runroot", Path.Combine(_work, "podman-run"), "--storage-driver", "vfs"];
        var load = Run("/usr/bin/podman", [.. podman, "load", "-i", dockerArchive], env);
        Assert.True(load.ExitCode == 0, load.ToString());
        Assert.Contains("Loaded image: docker.io/library/busybox:1.0", load.Stdout);
        var inspect = Run("/usr/bin/podman", [.. podman, "image", "inspect", "--format", "{{json .RootFS.Layers}}", "docker.io/library/busybox:1.0"], env);
        Assert.Equal($"[\"{FixtureDiffId()}\"]", inspect.Stdout.Trim());
    }

    [RegistryFact]
    public void Import_of_a_rootfs_tarball_from_stdin_makes_a_runnable_layer()
    {
        string rootfs = Path.Combine(_work, "rootfs");
        Assert.Equal(0, Run("bash", [Path.Combine(BusyboxImage.RepoRoot(), "scripts", "make-busybox-rootfs.sh"), rootfs]).ExitCode);
        string tarball = Path.Combine(_work, "rootfs.tar.gz");
        Assert.Equal(0, Run("tar", ["-czf", tarball, "-C", rootfs, "."]).ExitCode);
        var import = Run("bash", ["-c", $"dotnet {Path.Combine(AppContext.BaseDirectory, "berth.dll")} --root {_root.Path} import -c 'CMD [\"/bin/sh\"]' - mybox:imported < {tarball}"]);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith("sha256:", import.Stdout);
        var image = new ImageStore(_root.Path).Get("mybox:imported");
        Assert.Equal(import.Stdout.Trim(), image.Id);
        Assert.True(File.Exists(Path.Combine(_root.Path, "storage", "layers", image.DiffIds[0][7..], "diff", "bin", "busybox")));
        Assert.Contains("\"Cmd\": [", Berth("image", "inspect", "mybox:imported"));
    }

    [RegistryFact]
    public void Images_filters_by_label_and_by_creation_before_and_since_another_image()
    {
        string rootfs = Path.Combine(_work, "rootfs");
        Assert.Equal(0, Run("bash", [Path.Combine(BusyboxImage.RepoRoot(), "scripts", "make-busybox-rootfs.sh"), rootfs]).ExitCode);
        string tarball = Path.Combine(_work, "rootfs.tar.gz");
        Assert.Equal(0, Run("tar", ["-czf", tarball, "-C", rootfs, "."]).ExitCode);
        string berth = $"dotnet {Path.Combine(AppContext.BaseDirectory, "berth.dll")} --root {_root.Path}";
        Assert.Equal(0, Run("bash", ["-c", $"{berth} import -c 'LABEL tier=web' - first:1 < {tarball}"]).ExitCode);
        Thread.Sleep(1100); // import stamps whole seconds
        Assert.Equal(0, Run("bash", ["-c", $"{berth} import -c 'LABEL tier=db' - second:1 < {tarball}"]).ExitCode);

        string Names(params string[] filters) =>
            string.Join(' ', Berth(["images", "--format", "json", .. filters.SelectMany(f => new[] { "-f", f })])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("Repository").GetString()).Order());
        Assert.Equal("first", Names("label=tier=web"));
        Assert.Equal("first second", Names("label=tier"));
        Assert.Equal("", Names("label=other"));
        Assert.Equal("first", Names("before=second:1"));
        Assert.Equal("second", Names("since=first:1"));
    }

    [RegistryFact]
    public void Bad_archives_are_one_error_line_and_leave_the_store_empty()
    {
        string good = Path.Combine(_work, "good.tar");
        Skopeo("copy", $"oci:{fixture.Single}:latest", $"docker-archive:{good}:busybox:1");
        byte[] bytes = File.ReadAllBytes(good);
        string truncated = Path.Combine(_work, "truncated.tar");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        string layerless = Path.Combine(_work, "layerless.tar");
        Assert.Equal(0, Run("bash", ["-c", $"mkdir {_work}/x && tar -xf {good} -C {_work}/x && rm {_work}/x/*.tar && tar -cf {layerless} -C {_work}/x ."]).ExitCode);
        foreach (var (file, expected) in new[] { (truncated, "is truncated"), (layerless, "is not in the archive") })
        {
            var load = RunBerth(_root.Path, null, "load", "-i", file);
            Assert.Equal(1, load.ExitCode);
            Assert.Single(load.Stderr.TrimEnd().Split('\n'));
            Assert.Contains(expected, load.Stderr);
            Assert.DoesNotContain(_root.Blobs(), b => !b.Contains("/locks/"));
            Assert.Empty(_root.Layers());
        }
        Assert.Equal("", Berth("images", "-q"));
    }
}
