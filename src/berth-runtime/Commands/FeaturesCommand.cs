using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Linux;
using Berth.Runtime.Seccomp;

namespace Berth.RuntimeCli.Commands;

/// <summary>`features`: runtime-spec features.md, what this build supports (seccomp: what the host's libseccomp and kernel support).</summary>
internal static class FeaturesCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        CommandArgs.Parse(argv, "features", new HashSet<string>(), new HashSet<string>());
        bool seccomp = SeccompCompiler.IsAvailable();
        var features = seccomp
            ? FeaturesBuilder.Create(true,
                SeccompNames.Architectures.Where(arch => SeccompCompiler.ArchitectureToken(arch) != 0),
                SeccompKernel.SupportedFlagNames())
            : FeaturesBuilder.Create(seccompEnabled: false);
        Console.WriteLine(JsonSerializer.Serialize(features, OciJsonContext.Default.Features));
        return 0;
    }
}
