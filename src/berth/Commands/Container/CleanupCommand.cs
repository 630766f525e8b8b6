namespace Berth.Cli.Commands.Container;

/// <summary>
/// Hidden `container cleanup ID`: the monitor's exit command, run after the container exited. Records the
/// exit, unmounts the rootfs, removes everything for --rm (like podman's `container cleanup` run by conmon).
/// </summary>
internal static class CleanupCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "container cleanup", new HashSet<string>(), new HashSet<string>());
        args.RequirePositional(1, "container cleanup", "ID");
        using var engine = EngineFactory.Open(global);
        engine.Cleanup(args.Positional[0]);
        return 0;
    }
}
