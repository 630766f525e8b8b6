using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`create [--bundle DIR] [--pid-file F] [--console-socket S] [--no-pivot] [--preserve-fds N] ID`</summary>
internal static class CreateCommand
{
    internal static readonly HashSet<string> Booleans = ["no-pivot", "no-new-keyring", "detach", "d", "keep", "no-subreaper"];
    internal static readonly HashSet<string> Valued = ["bundle", "b", "pid-file", "console-socket", "preserve-fds"];

    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "create", Booleans, Valued);
        Container.Create(CommandHelpers.Store(global), Options(args, "create"));
        return 0;
    }

    internal static CreateOptions Options(CommandArgs args, string command) => new()
    {
        Id = CommandHelpers.RequireId(args, command),
        Bundle = args.Get("bundle") ?? args.Get("b") ?? ".",
        PidFile = args.Get("pid-file"),
        ConsoleSocket = args.Get("console-socket"),
        NoPivot = args.Has("no-pivot"),
        PreserveFds = args.GetInt("preserve-fds", 0),
    };
}
