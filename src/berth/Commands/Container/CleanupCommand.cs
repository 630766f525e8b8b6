using System.Globalization;

namespace Berth.Cli.Commands.Container;

/// <summary>
/// Hidden `container cleanup ID`: the monitor's exit command, run after the container exited. Records the
/// exit, unmounts the rootfs, removes everything for --rm (like podman's `container cleanup` run by conmon).
/// Around restarts of a restart policy the monitor adds `--restarting` (exited, a restart follows: record
/// the exit only) or `--started PID` (running again, one restart more).
/// </summary>
internal static class CleanupCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "container cleanup", new HashSet<string> { "restarting" }, new HashSet<string> { "started" });
        args.RequirePositional(1, "container cleanup", "[--restarting | --started PID] ID");
        using var engine = EngineFactory.Open(global);
        string id = args.Positional[0];
        if (args.Has("restarting")) engine.RecordRestarting(id);
        else if (args.Get("started") is { } pid) engine.RecordRestarted(id, int.Parse(pid, CultureInfo.InvariantCulture));
        else engine.Cleanup(id);
        return 0;
    }
}
