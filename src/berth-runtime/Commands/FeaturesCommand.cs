using System.Text.Json;
using Berth.Oci;

namespace Berth.RuntimeCli.Commands;

/// <summary>`features`: runtime-spec features.md, what this build supports.</summary>
internal static class FeaturesCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        CommandArgs.Parse(argv, "features", new HashSet<string>(), new HashSet<string>());
        var features = FeaturesBuilder.Create(seccompEnabled: false);
        Console.WriteLine(JsonSerializer.Serialize(features, OciJsonContext.Default.Features));
        return 0;
    }
}
