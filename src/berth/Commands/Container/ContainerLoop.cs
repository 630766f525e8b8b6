using Berth.Oci;

namespace Berth.Cli.Commands.Container;

/// <summary>Commands taking several containers go on after an error (docker does), print each error, and exit 1 if any failed.</summary>
internal static class ContainerLoop
{
    internal static int ForEach(IEnumerable<string> names, Action<string> action)
    {
        int status = 0;
        foreach (string name in names)
        {
            try
            {
                action(name);
            }
            catch (BerthException e)
            {
                Console.Error.WriteLine($"berth: {e.Message}");
                status = 1;
            }
        }
        return status;
    }
}
