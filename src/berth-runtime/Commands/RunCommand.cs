using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`run [create's flags] [--detach] ID`: exit code = the container's.</summary>
internal static class RunCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "run", CreateCommand.Booleans, CreateCommand.Valued);
        var options = CreateCommand.Options(args, "run");
        return Container.Run(CommandHelpers.Store(global), options, args.Has("detach") || args.Has("d"));
    }
}
