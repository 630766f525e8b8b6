using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`pause ID` and `resume ID`.</summary>
internal static class PauseCommand
{
    internal static int Execute(GlobalOptions global, string[] argv, bool pause)
    {
        string name = pause ? "pause" : "resume";
        var args = CommandArgs.Parse(argv, name, new HashSet<string>(), new HashSet<string>());
        var container = Container.Load(CommandHelpers.Store(global), CommandHelpers.RequireId(args, name));
        if (pause) container.Pause();
        else container.Resume();
        return 0;
    }
}
