namespace Berth.Cli.Commands.Container;

/// <summary>One line of `ps --format json`, docker's field names (also the fields a `--format` template can use).</summary>
internal sealed class ContainerListEntry
{
    public string Command { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string ID { get; set; } = "";
    public string Image { get; set; } = "";
    public string Labels { get; set; } = "";
    public string Mounts { get; set; } = "";
    public string Names { get; set; } = "";
    public string Networks { get; set; } = "";
    public string Ports { get; set; } = "";
    public string RunningFor { get; set; } = "";
    public string State { get; set; } = "";
    public string Status { get; set; } = "";

    /// <summary>Template field → column title, docker's (formatter.ContainerContext).</summary>
    internal static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["ID"] = "CONTAINER ID", ["Image"] = "IMAGE", ["Command"] = "COMMAND", ["CreatedAt"] = "CREATED AT", ["RunningFor"] = "CREATED",
        ["Ports"] = "PORTS", ["State"] = "STATE", ["Status"] = "STATUS", ["Names"] = "NAMES", ["Labels"] = "LABELS", ["Mounts"] = "MOUNTS",
        ["Networks"] = "NETWORKS",
    };

    internal Dictionary<string, string> Fields() => new(StringComparer.Ordinal)
    {
        ["ID"] = ID, ["Image"] = Image, ["Command"] = Command, ["CreatedAt"] = CreatedAt, ["RunningFor"] = RunningFor, ["Ports"] = Ports,
        ["State"] = State, ["Status"] = Status, ["Names"] = Names, ["Labels"] = Labels, ["Mounts"] = Mounts, ["Networks"] = Networks,
    };
}
