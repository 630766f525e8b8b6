namespace Berth.Cli.Commands.Container;

/// <summary>`rename CONTAINER NEW_NAME`: docker's name rules; a name another container has is refused.</summary>
internal static class RenameCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "rename", new HashSet<string>(), new HashSet<string>());
        args.RequirePositional(2, "rename", "CONTAINER NEW_NAME");
        using var engine = EngineFactory.Open(global);
        engine.Rename(args.Positional[0], args.Positional[1]);
        return 0;
    }
}
