using ImageContainerConfig = Berth.Images.Manifest.ContainerConfig;

namespace Berth.Engine.Specs;

/// <summary>Everything <see cref="SpecBuilder"/> needs, gathered by the engine (the I/O side) beforehand.</summary>
public sealed class SpecInputs
{
    public required string Id { get; init; }
    public required CreateOptions Options { get; init; }
    /// <summary>The image config's "config" object (Entrypoint, Cmd, Env, WorkingDir, User); null when absent.</summary>
    public ImageContainerConfig? Image { get; init; }
    /// <summary>Absolute path of the mounted snapshot: root.path.</summary>
    public required string RootfsPath { get; init; }
    public UserDatabase Users { get; init; } = UserDatabase.Empty;
    public int HostCpuCount { get; init; } = 1;
    public required string CgroupsPath { get; init; }
    /// <summary>Files bind-mounted over /etc/hosts, /etc/hostname, /etc/resolv.conf (container path → host path).</summary>
    public IReadOnlyDictionary<string, string> EtcFiles { get; init; } = new Dictionary<string, string>();
    /// <summary>Binds, volumes and --mount tmpfs as the engine resolved them (volume names → ROOT/volumes/NAME/_data).</summary>
    public IReadOnlyList<MountPoint> Mounts { get; init; } = [];
    /// <summary>The text of the --security-opt seccomp=FILE profile, when one was given.</summary>
    public string? SeccompProfile { get; init; }
    /// <summary>Looks up host environment variables for <c>-e NAME</c> (no value).</summary>
    public Func<string, string?> HostEnvironment { get; init; } = Environment.GetEnvironmentVariable;
    /// <summary>The host's name, the container's hostname with --network host.</summary>
    public string HostHostname { get; init; } = "localhost";
    /// <summary>Machine architecture and kernel for Docker's default seccomp profile.</summary>
    public string GoArch { get; init; } = "amd64";
    public Version Kernel { get; init; } = new(6, 0);
    /// <summary>--init: the host's init binary to bind into the container (catatonit); null when none was found.</summary>
    public string? InitPath { get; init; }
    /// <summary>--privileged: the host's /dev devices, created in the container as docker does.</summary>
    public IReadOnlyList<Berth.Oci.Spec.Device> HostDevices { get; init; } = [];
    /// <summary>The capabilities in berth's own bounding set (what --privileged and --cap-add ALL give); null = every known one.</summary>
    public IReadOnlyList<string>? HostCapabilities { get; init; }
    /// <summary>The network namespace file the engine sets up at start (bridge networks); null = none/host/container.</summary>
    public string? NetnsPath { get; init; }
}
