using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>Volumes, -v/--mount forms, rm -v, --read-only with writable mounts, and cp, on real containers.</summary>
[Collection(EngineCollection.Name)]
public class VolumeTests(EngineFixture f)
{
    private static string Unique(string what) => $"berth-test-{what}-{Guid.NewGuid().ToString("N")[..8]}";

    private ProcessRunner.Result Ok(params string[] args)
    {
        var r = f.Run(args);
        Assert.True(r.ExitCode == 0, $"berth {string.Join(' ', args)}: {r}");
        return r;
    }

    /// <summary>bash with $BERTH = this fixture's berth command line (for pipes).</summary>
    private ProcessRunner.Result Shell(string script) =>
        ProcessRunner.Run("bash", ["-c", script], new Dictionary<string, string>
        {
            ["BERTH"] = $"{f.Berth} --root {f.DataRoot}", ["BERTH_RUNROOT"] = f.RunRoot, ["BERTH_CGROUP_PARENT"] = f.CgroupParent,
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        });

    private string[] VolumeNames() => Ok("volume", "ls", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An image with VOLUME /data whose /data holds seed (0640, owned 12:34), imported from the busybox rootfs.</summary>
    private string ImageWithVolume()
    {
        string image = "berth-test/volimg:latest";
        if (f.Run("image", "inspect", image).ExitCode == 0) return image;
        string work = Path.Combine(Path.GetTempPath(), Unique("rootfs"));
        try
        {
            Assert.Equal(0, ProcessRunner.Run("bash", [Path.Combine(BusyboxImage.RepoRoot(), "scripts", "make-busybox-rootfs.sh"), Path.Combine(work, "rootfs")]).ExitCode);
            var r = Shell($"""
                set -e; cd {work}/rootfs; mkdir -p data; echo seeded > data/seed; chmod 640 data/seed; chown 12:34 data/seed; chmod 750 data
                tar -C {work}/rootfs -cf {work}/rootfs.tar .
                $BERTH import -c 'VOLUME /data' -c 'CMD ["/bin/sh"]' {work}/rootfs.tar {image}
                """);
            Assert.True(r.ExitCode == 0, r.ToString());
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        return image;
    }

    [EngineFact]
    public void NamedVolumePersistsAcrossContainersAndRmVLeavesIt()
    {
        string vol = Unique("named");
        Ok("run", "--rm", "-v", $"{vol}:/data", f.Image, "sh", "-c", "echo kept > /data/f");
        Assert.Contains(vol, VolumeNames());
        Assert.Equal("kept\n", Ok("run", "--rm", "--mount", $"type=volume,source={vol},target=/mnt", f.Image, "cat", "/mnt/f").Stdout);
        string id = Ok("create", "-v", $"{vol}:/data", f.Image, "true").Stdout.Trim();
        var inUse = f.Run("volume", "rm", vol);
        Assert.Equal(1, inUse.ExitCode);
        Assert.Equal($"berth: remove {vol}: volume is in use - [{id}]\n", inUse.Stderr);
        Ok("rm", "-v", id);
        Assert.Contains(vol, VolumeNames());
        Assert.Equal(vol + "\n", Ok("volume", "rm", vol).Stdout);
        Assert.DoesNotContain(vol, VolumeNames());
        Assert.False(Directory.Exists(Path.Combine(f.DataRoot, "volumes", vol)));
        Assert.Empty(f.LeftoverMounts());
    }

    [EngineFact]
    public void ImageVolumeIsAnAnonymousVolumeFilledFromTheImageAndRmVRemovesIt()
    {
        string image = ImageWithVolume();
        var before = VolumeNames();
        string id = Ok("run", "-d", image, "sh", "-c", "stat -c '%a %u:%g' /data /data/seed; cat /data/seed").Stdout.Trim();
        Assert.Equal("0\n", Ok("wait", id).Stdout);
        Assert.Equal("750 0:0\n640 12:34\nseeded\n", Ok("logs", id).Stdout);
        string anonymous = Assert.Single(VolumeNames().Except(before));
        Assert.Equal(64, anonymous.Length);
        string inspect = Ok("inspect", id).Stdout;
        Assert.Contains($"\"Name\": \"{anonymous}\"", inspect);
        Assert.Contains("\"Type\": \"volume\"", inspect);
        Assert.Contains($"\"Source\": \"{Path.Combine(f.DataRoot, "volumes", anonymous, "_data")}\"", inspect);
        Assert.DoesNotContain(anonymous, Ok("volume", "ls", "-q", "--filter", "dangling=true").Stdout);
        Assert.Contains(anonymous, Ok("volume", "ls", "-q", "--filter", "dangling=false").Stdout);
        Ok("rm", "-v", id);
        Assert.DoesNotContain(anonymous, VolumeNames());
        Assert.False(Directory.Exists(Path.Combine(f.DataRoot, "volumes", anonymous)));

        // --rm removes anonymous volumes too; -v NAME:/data keeps a named one (and nocopy leaves it empty).
        string named = Unique("nocopy");
        Ok("run", "--rm", "-v", "/extra", "-v", $"{named}:/data:nocopy", image, "sh", "-c", "test ! -e /data/seed");
        Assert.Equal(before.Append(named).Order(), VolumeNames().Order());
        Ok("volume", "rm", named);
        Assert.Empty(f.LeftoverMounts());
    }

    [EngineFact]
    public void VolumesFromSharesTheSourcesVolumesAndBinds()
    {
        string image = ImageWithVolume();
        string before = string.Join(",", VolumeNames().Order());
        string hostDir = Path.Combine(Path.GetTempPath(), Unique("from-bind"));
        Directory.CreateDirectory(hostDir);
        string source = Unique("from-src"), reader = Unique("from-ro");
        try
        {
            // The source: the image's VOLUME /data (anonymous) and a read-write bind.
            Ok("create", "--name", source, "-v", $"{hostDir}:/shared", image, "true");
            string anonymous = Assert.Single(VolumeNames().Except(before.Split(',')));
            Assert.Equal("seeded\nfrom-b\n", Ok("run", "--rm", "--volumes-from", source, image,
                "sh", "-c", "cat /data/seed; echo from-b > /shared/f; cat /shared/f; echo inherited > /data/mark").Stdout);
            Assert.Equal("from-b\n", File.ReadAllText(Path.Combine(hostDir, "f")));
            // The copy shared the volume instead of making its own; --rm released its use, not the volume.
            Assert.Equal(anonymous, Assert.Single(VolumeNames().Except(before.Split(','))));

            // :ro makes every inherited mount read-only; the container's own -v on a path wins over the inherited one.
            Ok("create", "--name", reader, "--volumes-from", source + ":ro", "-v", "/data", image,
                "sh", "-c", "touch /shared/x 2>/dev/null && echo rw || echo ro; ls /data");
            Ok("start", "-a", reader);
            Assert.Equal("ro\nseed\n", Ok("logs", reader).Stdout); // its own /data: filled from the image, no mark
            Assert.Equal(2, VolumeNames().Except(before.Split(',')).Count());
            Assert.Contains($"\"VolumesFrom\": [\n", Ok("inspect", reader).Stdout);
            var inUse = f.Run("volume", "rm", anonymous);
            Assert.Contains("volume is in use", inUse.Stderr);

            var unknown = f.Run("run", "--rm", "--volumes-from", "berth-test-no-such", image, "true");
            Assert.Equal(125, unknown.ExitCode);
            Assert.Contains("berth-test-no-such", unknown.Stderr);
            var badMode = f.Run("run", "--rm", "--volumes-from", source + ":rx", image, "true");
            Assert.Equal(125, badMode.ExitCode);
            Assert.Contains("invalid mode: rx", badMode.Stderr);
        }
        finally
        {
            f.Run("rm", "-v", reader);
            f.Run("rm", "-v", source);
            Directory.Delete(hostDir, recursive: true);
        }
        Assert.Equal(before, string.Join(",", VolumeNames().Order()));
        Assert.Empty(f.LeftoverMounts());
    }

    [EngineFact]
    public void VolumeCommandsLikeDockers()
    {
        string vol = Unique("cmd");
        Assert.Equal(vol + "\n", Ok("volume", "create", "--label", "berth.test=yes", vol).Stdout);
        Assert.Equal(vol + "\n", Ok("volume", "create", vol).Stdout);
        string inspect = Ok("volume", "inspect", vol).Stdout;
        Assert.Contains($"\"Mountpoint\": \"{Path.Combine(f.DataRoot, "volumes", vol, "_data")}\"", inspect);
        Assert.Contains("\"berth.test\": \"yes\"", inspect);
        Assert.Contains("\"Scope\": \"local\"", inspect);
        Assert.Matches("\"CreatedAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)\"", inspect);
        Assert.Equal(vol + "\n", Ok("volume", "ls", "-q", "--filter", "label=berth.test=yes", "--filter", $"name={vol}").Stdout);
        Assert.Equal($"local {vol}\n", Ok("volume", "ls", "--filter", $"name={vol}", "--format", "{{.Driver}} {{.Name}}").Stdout);
        var missing = f.Run("volume", "inspect", Unique("missing"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such volume", missing.Stderr);
        // docker 23+: prune takes anonymous volumes only; -a takes named ones too.
        Ok("volume", "prune", "-f", "--filter", "label=berth.test=yes");
        Assert.Contains(vol, VolumeNames());
        Assert.Contains(vol, Ok("volume", "prune", "-a", "-f", "--filter", "label=berth.test=yes").Stdout);
        Assert.DoesNotContain(vol, VolumeNames());
    }

    [EngineFact]
    public void BindsReadOnlyAndMissingSourcesAsDocker()
    {
        string host = Path.Combine(Path.GetTempPath(), Unique("bind"));
        try
        {
            Directory.CreateDirectory(host);
            var ro = f.Run("run", "--rm", "--mount", $"type=bind,source={host},target=/h,readonly", f.Image, "sh", "-c", "touch /h/x");
            Assert.NotEqual(0, ro.ExitCode);
            Assert.Contains("Read-only file system", ro.Stderr);
            Assert.False(File.Exists(Path.Combine(host, "x")));

            string missing = Path.Combine(host, "missing");
            var refused = f.Run("run", "--rm", "--mount", $"type=bind,source={missing},target=/m", f.Image, "true");
            Assert.Equal((125, $"berth: invalid mount config for type \"bind\": bind source path does not exist: {missing}\n"), (refused.ExitCode, refused.Stderr));
            Assert.False(Directory.Exists(missing));
            // -v makes the missing host directory, as docker does.
            Ok("run", "--rm", "-v", $"{missing}:/m", f.Image, "sh", "-c", "echo made > /m/f");
            Assert.Equal("made\n", File.ReadAllText(Path.Combine(missing, "f")));

            // --read-only: the rootfs refuses writes, volumes, binds and tmpfs take them.
            var r = Ok("run", "--rm", "--read-only", "-v", "/anon", "-v", $"{host}:/h", "--mount", "type=tmpfs,target=/t,tmpfs-size=1m", "--tmpfs", "/t2", f.Image,
                "sh", "-c", "touch /x 2>/dev/null || echo ro; touch /anon/a /h/b /t/c /t2/d && echo writable; df -k /t | tail -n 1 | awk '{print $2}'");
            Assert.Equal("ro\nwritable\n1024\n", r.Stdout);
            Assert.True(File.Exists(Path.Combine(host, "b")));
            var bad = f.Run("run", "--rm", "-v", "/a:rel", f.Image, "true");
            Assert.Equal(125, bad.ExitCode);
            Assert.Single(bad.Stderr.Trim().Split('\n'));
            Assert.Empty(f.LeftoverMounts());
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [EngineFact]
    public void CopyInAndOutOfRunningAndStoppedContainers()
    {
        string host = Path.Combine(Path.GetTempPath(), Unique("cp"));
        string vol = Unique("cpvol");
        string name = Unique("cpbox");
        try
        {
            Directory.CreateDirectory(Path.Combine(host, "tree", "sub"));
            File.WriteAllText(Path.Combine(host, "tree", "sub", "f"), "in tree");
            File.WriteAllText(Path.Combine(host, "one"), "one file");
            Ok("run", "-d", "--name", name, "-v", $"{vol}:/vol", f.Image, "sh", "-c", "while [ ! -e /go ]; do sleep 0.1; done; cat /tmp/renamed /tmp/tree/sub/f /vol/sub/f");

            // Into a running container: a file, a directory (→ /tmp/tree), a directory's content (/.) into a volume.
            Ok("cp", Path.Combine(host, "one"), $"{name}:/tmp/renamed");
            Ok("cp", Path.Combine(host, "tree"), $"{name}:/tmp");
            Ok("cp", Path.Combine(host, "tree") + "/.", $"{name}:/vol");
            Assert.Equal("in tree", File.ReadAllText(Path.Combine(f.DataRoot, "volumes", vol, "_data", "sub", "f")));

            // Out of a running container.
            string outDir = Path.Combine(host, "out");
            Ok("cp", $"{name}:/tmp/tree", outDir);
            Assert.Equal("in tree", File.ReadAllText(Path.Combine(outDir, "sub", "f")));
            Assert.Contains("tree/sub/f", Shell($"$BERTH cp {name}:/tmp/tree - | tar -t").Stdout);

            // The container itself sees what was copied in.
            Ok("cp", Path.Combine(host, "one"), $"{name}:/go");
            Assert.Equal("0\n", Ok("wait", name).Stdout);
            Assert.Equal("one filein treein tree", Ok("logs", name).Stdout);

            // Stopped: the rootfs is mounted for the copy and unmounted after.
            Ok("cp", $"{name}:/etc/passwd", Path.Combine(host, "passwd"));
            Assert.Contains("root:", File.ReadAllText(Path.Combine(host, "passwd")));
            var piped = Shell($"tar -C {host} -cf - one | $BERTH cp - {name}:/");
            Assert.True(piped.ExitCode == 0, piped.ToString());
            Ok("cp", Path.Combine(host, "one"), $"{name}:/root-copy");
            Assert.DoesNotContain(f.LeftoverMounts(), l => l.Contains(" - overlay ", StringComparison.Ordinal));
            Ok("cp", $"{name}:/one", Path.Combine(host, "back1"));
            Ok("cp", $"{name}:/root-copy", Path.Combine(host, "back2"));
            Assert.Equal("one fileone file", File.ReadAllText(Path.Combine(host, "back1")) + File.ReadAllText(Path.Combine(host, "back2")));

            // Errors: one line each.
            var missing = f.Run("cp", $"{name}:/no/such", host);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("could not find the file /no/such", missing.Stderr);
            var noDir = f.Run("cp", Path.Combine(host, "one"), $"{name}:/berth-test-no-dir/");
            Assert.Equal((1, $"berth: destination directory {name}:/berth-test-no-dir/ does not exist\n"), (noDir.ExitCode, noDir.Stderr));
            var dirToFile = f.Run("cp", $"{name}:/etc", Path.Combine(host, "one"));
            Assert.Contains("cannot copy a directory to a file", dirToFile.Stderr);
        }
        finally
        {
            f.Run("rm", "-f", "-v", name);
            f.Run("volume", "rm", vol);
            Directory.Delete(host, recursive: true);
        }
        Assert.Empty(f.LeftoverMounts());
    }

    [EngineFact]
    public void AFailedCreateTakesBackTheVolumesAndHostDirectoriesItMade()
    {
        string host = Path.Combine(Path.GetTempPath(), Unique("undo"));
        string vol = Unique("undo");
        var before = VolumeNames();
        var r = f.Run("run", "--rm", "-v", $"{vol}:/data", "-v", "/anon", "-v", $"{host}/a/b:/h", "-u", "berth-test-nouser", f.Image, "true");
        Assert.Equal(125, r.ExitCode);
        // (the image may be pulled first, which prints its own lines)
        Assert.EndsWith("\nberth: unable to find user berth-test-nouser: no matching entries in passwd file\n", "\n" + r.Stderr);
        Assert.Equal(before.Order(), VolumeNames().Order());
        Assert.False(Directory.Exists(host));
        Assert.Equal(before.Order(), f.Entries("volumes").Select(Path.GetFileName).Order());

        // A named volume that existed before the failed create stays.
        Ok("volume", "create", vol);
        Assert.Equal(125, f.Run("run", "--rm", "-v", $"{vol}:/data", "-u", "berth-test-nouser", f.Image, "true").ExitCode);
        Assert.Contains(vol, VolumeNames());
        Ok("volume", "rm", vol);

        var unknown = f.Run("volume", "rm", vol);
        Assert.Equal((1, $"berth: no such volume: {vol}\n"), (unknown.ExitCode, unknown.Stderr));
        Assert.Equal(0, f.Run("volume", "rm", "-f", vol).ExitCode);
        Assert.Empty(f.LeftoverMounts());
    }

    [EngineFact]
    public void CopyNeverFollowsAContainerSymlinkOutOfTheContainer()
    {
        string host = Path.Combine(Path.GetTempPath(), Unique("cpesc"));
        string name = Unique("cpesc");
        string escaped = Unique("escaped");
        try
        {
            Directory.CreateDirectory(host);
            File.WriteAllText(Path.Combine(host, escaped), "payload");
            // /up climbs far above the rootfs; /abs is an absolute link to the host's /tmp as a path.
            Ok("run", "--name", name, f.Image, "sh", "-c", "ln -s ../../../../../../../../tmp /up && ln -s /tmp /abs && mkdir -p /tmp && echo inside > /tmp/only-in-container");
            Ok("cp", Path.Combine(host, escaped), $"{name}:/up/");
            Ok("cp", Path.Combine(host, escaped), $"{name}:/abs/{escaped}-2");
            Assert.False(File.Exists(Path.Combine("/tmp", escaped)));
            Assert.False(File.Exists(Path.Combine("/tmp", escaped + "-2")));
            Ok("cp", $"{name}:/up/{escaped}", Path.Combine(host, "back"));
            Ok("cp", $"{name}:/abs/{escaped}-2", Path.Combine(host, "back2"));
            Assert.Equal("payloadpayload", File.ReadAllText(Path.Combine(host, "back")) + File.ReadAllText(Path.Combine(host, "back2")));
            // Reading through the link gets the container's /tmp, not the host's.
            Ok("cp", $"{name}:/up/only-in-container", Path.Combine(host, "inside"));
            Assert.Equal("inside\n", File.ReadAllText(Path.Combine(host, "inside")));
            Assert.Equal(1, f.Run("cp", $"{name}:/up/{Path.GetFileName(host)}/{escaped}", Path.Combine(host, "no")).ExitCode);
        }
        finally
        {
            f.Run("rm", "-f", name);
            Directory.Delete(host, recursive: true);
        }
        Assert.Empty(f.LeftoverMounts());
    }
}
