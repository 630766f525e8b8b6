using System.Runtime.InteropServices;
using Berth.Cgroups;
using Berth.Engine.Info;
using Berth.Engine.Runtime;
using Berth.Engine.State;
using Berth.Oci.Seccomp;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>The runtimes `info` looks for (next to berth, then in $PATH), besides $BERTH_RUNTIME or a path given.</summary>
    public static readonly string[] KnownRuntimes = [RuntimeLocator.DefaultName, "runc", "crun"];

    /// <summary>`berth info`: container and image counts, storage, cgroups, runtimes and the host.</summary>
    public EngineInfo Info(string berthVersion)
    {
        var containers = List(all: true);
        var host = HostFacts.Read(Paths.StorageRoot);
        var cgroupMode = DetectCgroupMode();
        var info = new EngineInfo
        {
            Containers = containers.Count,
            ContainersRunning = containers.Count(c => c.State == ContainerStatus.Running),
            ContainersStopped = containers.Count(c => c.State != ContainerStatus.Running),
            Images = Images.List().Count,
            Driver = Snapshotter.Driver,
            DriverStatus = [["Backing Filesystem", host.BackingFilesystem]],
            CgroupMode = cgroupMode switch { CgroupMode.V2 => "v2", CgroupMode.Hybrid => "hybrid", CgroupMode.V1 => "v1", _ => "none" },
            CgroupVersion = cgroupMode == CgroupMode.V2 ? "2" : cgroupMode is null ? "" : "1",
            KernelVersion = host.Kernel, OperatingSystem = host.OperatingSystem, Architecture = host.Architecture,
            NCPU = host.Cpus, MemTotal = host.MemTotal, Name = host.Hostname, ServerVersion = berthVersion,
            DockerRootDir = Paths.DataRoot, RunRoot = Paths.RunRoot, CgroupParent = "/" + Paths.CgroupParent,
            SecurityOptions = ["name=seccomp,profile=builtin", "name=cgroupns"],
        };
        foreach (var runtime in AvailableRuntimes())
        {
            info.Runtimes[runtime.Name] = new InfoRuntime { Path = runtime.Path, Version = runtime.Version, Commit = runtime.Commit };
        }
        info.DefaultRuntime = DefaultRuntimeName();
        info.MonitorPath = TryMonitorPath();
        return info;
    }

    /// <summary>`berth version`: this berth, the monitor and the default runtime.</summary>
    public VersionReport Version(string berthVersion)
    {
        string arch = DockerDefaultProfile.GoArch(RuntimeInformation.OSArchitecture);
        string dotnet = Environment.Version.ToString();
        var report = new VersionReport
        {
            Client = new VersionClient { Version = berthVersion, DotnetVersion = dotnet, Arch = arch },
            Server = new VersionServer
            {
                Version = berthVersion, DotnetVersion = dotnet, Arch = arch, KernelVersion = HostFacts.Read(Paths.StorageRoot).Kernel,
                Components = [new VersionComponent { Name = "Engine", Version = berthVersion, Details = new() { ["DotnetVersion"] = dotnet, ["Os"] = "linux", ["Arch"] = arch } }],
            },
        };
        if (TryMonitorPath() is { } monitor) report.Server.Components.Add(Component(RuntimeVersion.Query("berth-monitor", monitor)));
        string defaultName = DefaultRuntimeName();
        string? defaultPath = defaultName.Contains('/') ? defaultName : RuntimeLocator.FindBinary(defaultName);
        if (defaultPath is not null) report.Server.Components.Add(Component(RuntimeVersion.Query(Path.GetFileName(defaultName), defaultPath)));
        return report;
    }

    private static VersionComponent Component(RuntimeVersion v)
    {
        var component = new VersionComponent { Name = v.Name, Version = v.Version, Details = new() { ["Path"] = v.Path } };
        if (v.Commit is not null) component.Details["GitCommit"] = v.Commit;
        if (v.Spec is not null) component.Details["Spec"] = v.Spec;
        return component;
    }

    private static string DefaultRuntimeName() =>
        Environment.GetEnvironmentVariable("BERTH_RUNTIME") is { Length: > 0 } env ? env : RuntimeLocator.DefaultName;

    /// <summary>berth-runtime, runc, crun where found, and $BERTH_RUNTIME when it names another.</summary>
    private static IEnumerable<RuntimeVersion> AvailableRuntimes()
    {
        var names = KnownRuntimes.ToList();
        if (!names.Contains(DefaultRuntimeName())) names.Add(DefaultRuntimeName());
        foreach (string name in names)
        {
            string? path = name.Contains('/') ? (File.Exists(name) ? Path.GetFullPath(name) : null) : RuntimeLocator.FindBinary(name);
            if (path is not null) yield return RuntimeVersion.Query(Path.GetFileName(name), path);
        }
    }

    private string? TryMonitorPath()
    {
        try
        {
            return MonitorPath();
        }
        catch (EngineException)
        {
            return null;
        }
    }

    private static CgroupMode? DetectCgroupMode()
    {
        try
        {
            return CgroupHost.Detect().Mode;
        }
        catch (CgroupException)
        {
            return null;
        }
    }
}
