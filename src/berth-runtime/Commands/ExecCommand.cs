using System.Globalization;
using Berth.Oci;
using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>
/// `exec [--process FILE] [--tty] [--console-socket S] [--detach] [--pid-file F] [--cwd DIR] [--env K=V]...
/// [--user UID[:GID]] [--additional-gids GID]... [--cap CAP]... [--no-new-privs] [--preserve-fds N] ID [COMMAND ARGS...]`
/// </summary>
internal static class ExecCommand
{
    private static readonly HashSet<string> Booleans = ["tty", "t", "detach", "d", "no-new-privs", "ignore-paused", "no-subreaper"];
    private static readonly HashSet<string> Valued =
        ["process", "p", "console-socket", "pid-file", "cwd", "env", "e", "user", "u", "additional-gids", "g",
         "cap", "c", "preserve-fds", "apparmor", "process-label", "cgroup"];

    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "exec", Booleans, Valued);
        if (args.Positional.Count == 0)
        {
            throw new UsageException("exec: missing container id (usage: berth-runtime exec [options] <container-id> <command> [args...])");
        }
        string? processFile = args.Get("process") ?? args.Get("p");
        var options = new ExecOptions
        {
            Id = args.Positional[0],
            Process = processFile is null ? null : SpecLoader.LoadProcess(processFile),
            Args = args.Positional.Skip(1).ToList(),
            Env = args.GetAll("env", "e"),
            Cwd = args.Get("cwd"),
            User = args.Get("user") ?? args.Get("u"),
            AdditionalGids = args.GetAll("additional-gids", "g").Select(ParseGid).ToList(),
            Caps = args.GetAll("cap", "c"),
            Tty = args.Has("tty") || args.Has("t"),
            NoNewPrivs = args.Has("no-new-privs"),
            ConsoleSocket = args.Get("console-socket"),
            Detach = args.Has("detach") || args.Has("d"),
            PidFile = args.Get("pid-file"),
            PreserveFds = args.GetInt("preserve-fds", 0),
            IgnorePaused = args.Has("ignore-paused"),
        };
        if (options.Process is not null && options.Args.Count > 0)
        {
            throw new UsageException("exec: give either --process FILE or a command, not both");
        }
        return Container.Load(CommandHelpers.Store(global), options.Id).Exec(options);
    }

    private static uint ParseGid(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint gid)
            ? gid
            : throw new UsageException($"exec --additional-gids '{text}': expected a number");
}
