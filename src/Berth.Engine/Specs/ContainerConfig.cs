namespace Berth.Engine.Specs;

/// <summary>
/// The config column of a container row: the <see cref="Options"/> as given and what create resolved from
/// them and the image (the command line, environment, user, ...), which is what `inspect` shows in Config.
/// </summary>
public sealed class ContainerConfig
{
    public CreateOptions Options { get; set; } = new();
    public List<string> Entrypoint { get; set; } = [];
    public List<string> Cmd { get; set; } = [];
    public List<string> Env { get; set; } = [];
    public string WorkingDir { get; set; } = "/";
    public string User { get; set; } = "";
    public string Hostname { get; set; } = "";
    public string? StopSignal { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public string RuntimeName { get; set; } = "";
    public string Driver { get; set; } = "";
    /// <summary>The binds, volumes (named and anonymous) and --mount tmpfs create resolved; --tmpfs stays in Options.</summary>
    public List<MountPoint> Mounts { get; set; } = [];
    /// <summary>"80/tcp" etc.: the image's ExposedPorts and --expose (what -P publishes).</summary>
    public List<string> ExposedPorts { get; set; } = [];
}
