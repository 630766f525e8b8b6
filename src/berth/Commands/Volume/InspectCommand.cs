using System.Text.Json;
using Berth.Cli.Commands.Container;
using Berth.Engine.Containers;
using Berth.Engine.Inspect;
using Berth.Engine.Volumes;
using Berth.Oci;

namespace Berth.Cli.Commands.Volume;

/// <summary>`volume inspect VOLUME...`: docker's JSON array (CreatedAt, Driver, Labels, Mountpoint, Name, Options, Scope).</summary>
internal static class InspectCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "volume inspect", new HashSet<string>(), new HashSet<string> { "f", "format" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth volume inspect\" requires at least 1 argument; usage: berth volume inspect VOLUME...");
        var template = Output.InspectOutput.Template(args.Get("f", "format"));
        using var engine = EngineFactory.Open(global);
        var found = new List<VolumeInspect>();
        int status = 0;
        foreach (string name in args.Positional)
        {
            try
            {
                found.Add(Describe(engine, engine.Volumes.Get(name)));
            }
            catch (BerthException e)
            {
                Console.Error.WriteLine($"berth: {e.Message}");
                status = 1;
            }
        }
        Output.InspectOutput.Write(JsonSerializer.Serialize(found, VolumeJsonContext.Relaxed.ListVolumeInspect), template);
        return status;
    }

    internal static VolumeInspect Describe(ContainerEngine engine, VolumeRecord v) => new()
    {
        CreatedAt = Rfc3339(v.CreatedAt.ToLocalTime()),
        Driver = v.Driver, Labels = v.Labels, Mountpoint = engine.Volumes.DataPath(v.Name), Name = v.Name,
        Options = v.Options.Count == 0 ? null : v.Options, Scope = "local",
    };

    /// <summary>Go's time.RFC3339, as docker prints CreatedAt: "2024-05-01T12:00:00+02:00", or "…Z" at offset zero.</summary>
    internal static string Rfc3339(DateTimeOffset t) =>
        t.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        + (t.Offset == TimeSpan.Zero ? "Z" : t.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
}
