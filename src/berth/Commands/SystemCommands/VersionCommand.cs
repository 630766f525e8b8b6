using System.Text.Json;
using Berth.Cli.Commands.Container;
using Berth.Engine.Info;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>`version [--format json]`: docker's Client/Server blocks; the server is this same binary (daemonless), its monitor and its default runtime.</summary>
internal static class VersionCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "version", new HashSet<string>(), new HashSet<string> { "format", "f" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth version\" accepts no arguments");
        string format = args.Get("format", "f") ?? "table";
        using var engine = EngineFactory.Open(global);
        var report = engine.Version(BerthVersion.Text);
        if (format is "json" or "{{json .}}") Console.WriteLine(JsonSerializer.Serialize(report, SystemJsonContext.Default.VersionReport));
        else if (format == "table") Console.Write(Text(report));
        else throw new UsageException($"version: invalid --format '{format}' (use json)");
        return 0;
    }

    internal static string Text(VersionReport r)
    {
        var lines = new List<string>
        {
            "Client:", $" Version:           {r.Client.Version}", $" .NET version:      {r.Client.DotnetVersion}", $" OS/Arch:           {r.Client.Os}/{r.Client.Arch}",
            "", $"Server: {r.Server.Platform.Name}",
        };
        foreach (var c in r.Server.Components)
        {
            lines.Add($" {c.Name}:");
            lines.Add($"  Version:          {c.Version}");
            if (c.Name == "Engine")
            {
                lines.Add($"  .NET version:     {r.Server.DotnetVersion}");
                lines.Add($"  OS/Arch:          {r.Server.Os}/{r.Server.Arch}");
                lines.Add($"  Kernel:           {r.Server.KernelVersion}");
            }
            if (c.Details.TryGetValue("GitCommit", out string? commit)) lines.Add($"  GitCommit:        {commit}");
            if (c.Details.TryGetValue("Spec", out string? spec)) lines.Add($"  Spec:             {spec}");
        }
        return string.Join('\n', lines) + "\n";
    }
}
