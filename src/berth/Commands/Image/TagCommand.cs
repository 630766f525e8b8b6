namespace Berth.Cli.Commands.Image;

/// <summary>`tag SOURCE TARGET`.</summary>
internal static class TagCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "tag", new HashSet<string>(), new HashSet<string>());
        args.RequirePositional(2, "tag", "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]");
        global.OpenStore().Tag(args.Positional[0], args.Positional[1]);
        return 0;
    }
}
