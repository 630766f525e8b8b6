namespace Berth.Engine.Inspect;

/// <summary>docker inspect's Config object: the resolved process settings.</summary>
public sealed class InspectConfig
{
    public string Hostname { get; set; } = "";
    public string User { get; set; } = "";
    public List<string> Env { get; set; } = [];
    public List<string> Cmd { get; set; } = [];
    public string Image { get; set; } = "";
    public string WorkingDir { get; set; } = "";
    public List<string>? Entrypoint { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public string? StopSignal { get; set; }
    public bool Tty { get; set; }
    public bool OpenStdin { get; set; }
    public bool StdinOnce { get; set; }
}
