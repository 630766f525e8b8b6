using Berth.Engine;
using Berth.Oci;

namespace Berth.Cli.Commands.Container;

/// <summary>`create [flags] IMAGE [COMMAND...]`: prepares the container (rootfs, config.json) and prints its id.</summary>
internal static class CreateCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        try
        {
            var (options, _) = CreateFlags.Parse(argv, "create");
            using var engine = EngineFactory.Open(global);
            var record = await engine.CreateAsync(options, cancellationToken);
            Console.WriteLine(record.Id);
            return 0;
        }
        catch (BerthException e)
        {
            Console.Error.WriteLine($"berth: {e.Message}");
            return e is EngineException engineError ? engineError.ExitCode : 125;
        }
    }
}
