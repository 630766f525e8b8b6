namespace Berth.Cli.Commands.Container;

/// <summary>One line of `ps --format json`, docker's field names.</summary>
internal sealed class ContainerListEntry
{
    public string Command { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string ID { get; set; } = "";
    public string Image { get; set; } = "";
    public string Names { get; set; } = "";
    public string Networks { get; set; } = "";
    public string RunningFor { get; set; } = "";
    public string State { get; set; } = "";
    public string Status { get; set; } = "";
}
