using Berth.Runtime.Container;
using Berth.Runtime.State;

namespace Berth.RuntimeCli.Commands;

/// <summary>`state ID`: the OCI state as indented JSON.</summary>
internal static class StateCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "state", new HashSet<string>(), new HashSet<string>());
        var container = Container.Load(CommandHelpers.Store(global), CommandHelpers.RequireId(args, "state"));
        Console.WriteLine(StateJson.RuncStateText(container.ToRuncState()));
        return 0;
    }
}
