using System.Text.Json;
using Berth.Engine;
using Berth.Engine.Containers;
using Berth.Engine.Inspect;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// `inspect NAME...` / `container inspect`: docker's JSON array of containers. The top-level `inspect` falls back
/// to images for names that are not containers (as docker does).
/// </summary>
internal static class InspectCommand
{
    internal static int Execute(GlobalOptions global, string[] argv, bool imagesToo)
    {
        var args = CommandArgs.Parse(argv, "inspect", new HashSet<string>(), new HashSet<string> { "format", "f", "type" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth inspect\" requires at least 1 argument");
        var template = Output.InspectOutput.Template(args.Get("format", "f"));
        using var engine = EngineFactory.Open(global);
        var found = new List<ContainerInspect>();
        var notContainers = new List<string>();
        foreach (string name in args.Positional)
        {
            try
            {
                var c = engine.Get(name);
                var config = ContainerEngine.ConfigOf(c);
                var inspect = ContainerInspector.Build(c, config);
                inspect.NetworkSettings = engine.Networks.Settings(c, config.ExposedPorts);
                found.Add(inspect);
            }
            catch (ContainerNotFoundException)
            {
                notContainers.Add(name);
            }
        }
        if (imagesToo && found.Count == 0 && notContainers.Count > 0 && args.Get("type") != "container")
        {
            string[] format = args.Get("format", "f") is { } f ? ["--format", f] : [];
            return Image.InspectCommand.Execute(global, [.. format, .. notContainers], fromInspect: true);
        }
        Output.InspectOutput.Write(JsonSerializer.Serialize(found, InspectJsonContext.Relaxed.ListContainerInspect), template);
        if (notContainers.Count == 0) return 0;
        Console.Error.WriteLine($"berth: no such container: {string.Join(", ", notContainers)}");
        return 1;
    }
}
