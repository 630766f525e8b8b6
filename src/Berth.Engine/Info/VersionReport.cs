namespace Berth.Engine.Info;

/// <summary>`berth version --format json`: docker's Client/Server shape, .NET in the place of Go.</summary>
public sealed class VersionReport
{
    public VersionClient Client { get; set; } = new();
    public VersionServer Server { get; set; } = new();
}

public sealed class VersionClient
{
    public string Version { get; set; } = "";
    public string DotnetVersion { get; set; } = "";
    public string Os { get; set; } = "linux";
    public string Arch { get; set; } = "";
}

/// <summary>The engine (daemonless: the same binary) and its components: the monitor and the default OCI runtime.</summary>
public sealed class VersionServer
{
    public VersionPlatform Platform { get; set; } = new();
    public List<VersionComponent> Components { get; set; } = [];
    public string Version { get; set; } = "";
    public string DotnetVersion { get; set; } = "";
    public string Os { get; set; } = "linux";
    public string Arch { get; set; } = "";
    public string KernelVersion { get; set; } = "";
}

public sealed class VersionPlatform
{
    public string Name { get; set; } = "Berth Engine (daemonless)";
}

public sealed class VersionComponent
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public Dictionary<string, string> Details { get; set; } = [];
}
