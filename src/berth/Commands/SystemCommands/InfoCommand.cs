using System.Text.Json;
using Berth.Cli.Commands.Container;
using Berth.Cli.Output;
using Berth.Engine.Info;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>`info [--format json]` / `system info`: docker info's layout (the server half; berth has no daemon).</summary>
internal static class InfoCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "info", new HashSet<string>(), new HashSet<string> { "format", "f" });
        if (args.Positional.Count > 0) throw new UsageException("\"berth info\" accepts no arguments");
        string format = args.Get("format", "f") ?? "table";
        if (format is not ("json" or "{{json .}}" or "table")) throw new UsageException($"info: invalid --format '{format}' (use json)");
        using var engine = EngineFactory.Open(global);
        var info = engine.Info(BerthVersion.Text);
        if (format == "table") Console.Write(Text(info, global.Debug));
        else Console.WriteLine(JsonSerializer.Serialize(info, SystemJsonContext.Default.EngineInfo));
        return 0;
    }

    internal static string Text(EngineInfo i, bool debug)
    {
        var lines = new List<string>
        {
            "Client:", $" Version:    {i.ServerVersion}", $" Debug Mode: {(debug ? "true" : "false")}", "",
            "Server:", $" Containers: {i.Containers}", $"  Running: {i.ContainersRunning}", $"  Paused: {i.ContainersPaused}", $"  Stopped: {i.ContainersStopped}",
            $" Images: {i.Images}", $" Server Version: {i.ServerVersion}", $" Storage Driver: {i.Driver}",
        };
        lines.AddRange(i.DriverStatus.Where(kv => kv.Count == 2).Select(kv => $"  {kv[0]}: {kv[1]}"));
        lines.Add($" Logging Driver: {i.LoggingDriver}");
        lines.Add($" Cgroup Driver: {i.CgroupDriver}");
        lines.Add($" Cgroup Version: {i.CgroupVersion}{(i.CgroupMode == "hybrid" ? " (hybrid: cgroup2 mounted too)" : "")}");
        lines.Add($" Cgroup Parent: {i.CgroupParent}");
        lines.Add($" Runtimes: {string.Join(' ', i.Runtimes.Keys)}");
        lines.Add($" Default Runtime: {i.DefaultRuntime}");
        foreach (var (name, r) in i.Runtimes) lines.Add($" {name} version: {r.Version}{(r.Commit is null ? "" : " (" + r.Commit + ")")}");
        if (i.MonitorPath is not null) lines.Add($" Monitor: {i.MonitorPath}");
        lines.Add(" Security Options:");
        lines.AddRange(i.SecurityOptions.Select(o => "  " + o.Replace("name=", "").Split(',')[0]));
        lines.AddRange([
            $" Kernel Version: {i.KernelVersion}", $" Operating System: {i.OperatingSystem}", $" OSType: {i.OSType}",
            $" Architecture: {i.Architecture}", $" CPUs: {i.NCPU}", $" Total Memory: {Units.BinarySize(i.MemTotal)}", $" Name: {i.Name}",
            $" Berth Root Dir: {i.DockerRootDir}", $" Run Root Dir: {i.RunRoot}",
        ]);
        return string.Join('\n', lines) + "\n";
    }
}
