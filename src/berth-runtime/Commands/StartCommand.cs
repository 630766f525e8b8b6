using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`start ID`</summary>
internal static class StartCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "start", new HashSet<string>(), new HashSet<string>());
        Container.Load(CommandHelpers.Store(global), CommandHelpers.RequireId(args, "start")).Start();
        return 0;
    }
}
