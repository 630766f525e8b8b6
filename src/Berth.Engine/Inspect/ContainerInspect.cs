namespace Berth.Engine.Inspect;

/// <summary>`berth inspect CONTAINER`: the subset of docker's ContainerJSON that Berth knows, same names and shapes.</summary>
public sealed class ContainerInspect
{
    public string Id { get; set; } = "";
    public string Created { get; set; } = "";
    public string Path { get; set; } = "";
    public List<string> Args { get; set; } = [];
    public InspectState State { get; set; } = new();
    public string Image { get; set; } = "";
    public string LogPath { get; set; } = "";
    public string Name { get; set; } = "";
    public int RestartCount { get; set; }
    public string Driver { get; set; } = "";
    public string Platform { get; set; } = "linux";
    public InspectHostConfig HostConfig { get; set; } = new();
    public List<InspectMount> Mounts { get; set; } = [];
    public InspectConfig Config { get; set; } = new();
    public Networks.NetworkSettings NetworkSettings { get; set; } = new();
}
