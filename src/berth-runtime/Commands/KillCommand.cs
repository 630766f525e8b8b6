using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`kill [--all] ID [SIGNAL]` (SIGTERM by default; names or numbers).</summary>
internal static class KillCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "kill", new HashSet<string> { "all", "a" }, new HashSet<string>());
        string id = CommandHelpers.RequireId(args, "kill", extraAllowed: 1);
        int signal = args.Positional.Count > 1 ? Signals.Parse(args.Positional[1]) : 15;
        Container.Load(CommandHelpers.Store(global), id).Kill(signal, args.Has("all") || args.Has("a"));
        return 0;
    }
}
