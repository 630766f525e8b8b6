using Berth.Runtime.State;

namespace Berth.RuntimeCli.Commands;

internal static class CommandHelpers
{
    internal static StateStore Store(GlobalOptions global) => new(global.Root);

    /// <summary>The single container-id argument most commands take.</summary>
    internal static string RequireId(CommandArgs args, string command, int extraAllowed = 0)
    {
        if (args.Positional.Count == 0)
        {
            throw new UsageException($"{command}: missing container id (usage: berth-runtime {command} [options] <container-id>)");
        }
        if (args.Positional.Count > 1 + extraAllowed)
        {
            throw new UsageException($"{command}: too many arguments: {string.Join(' ', args.Positional)}");
        }
        return args.Positional[0];
    }
}
