using Berth.Runtime.Container;
using Berth.Runtime.State;

namespace Berth.RuntimeCli.Commands;

/// <summary>`delete [--force] ID`; like runc, deleting a missing container with --force is not an error.</summary>
internal static class DeleteCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "delete", new HashSet<string> { "force", "f" }, new HashSet<string>());
        string id = CommandHelpers.RequireId(args, "delete");
        bool force = args.Has("force") || args.Has("f");
        try
        {
            Container.Load(CommandHelpers.Store(global), id).Delete(force);
        }
        catch (ContainerNotFoundException) when (force)
        {
        }
        return 0;
    }
}
