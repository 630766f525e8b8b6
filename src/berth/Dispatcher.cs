using Berth.Cli.Commands.Container;
using Berth.Cli.Commands.Image;
using Berth.Cli.Commands.Registry;
using Berth.Cli.Commands.SystemCommands;

namespace Berth.Cli;

/// <summary>Command name → Commands/&lt;Noun&gt;/&lt;Verb&gt;Command.cs; docker's short forms map to the noun forms.</summary>
public static class Dispatcher
{
    public static Task<int> RunAsync(GlobalOptions global, string command, string[] args, CancellationToken cancellationToken) => command switch
    {
        "pull" => PullCommand.ExecuteAsync(global, args, cancellationToken),
        "push" => PushCommand.ExecuteAsync(global, args, cancellationToken),
        "images" => Task.FromResult(ListCommand.Execute(global, args)),
        "tag" => Task.FromResult(TagCommand.Execute(global, args)),
        "rmi" => Commands.Image.RemoveCommand.ExecuteAsync(global, args, cancellationToken),
        "save" => SaveCommand.ExecuteAsync(global, args, cancellationToken),
        "load" => LoadCommand.ExecuteAsync(global, args, cancellationToken),
        "import" => ImportCommand.ExecuteAsync(global, args, cancellationToken),
        "login" => LoginCommand.ExecuteAsync(global, args, cancellationToken),
        "logout" => Task.FromResult(LogoutCommand.Execute(global, args)),
        "image" => RunImageAsync(global, args, cancellationToken),
        "run" => RunCommand.ExecuteAsync(global, args, cancellationToken),
        "create" => CreateCommand.ExecuteAsync(global, args, cancellationToken),
        "start" => Task.FromResult(StartCommand.Execute(global, args)),
        "stop" => Task.FromResult(StopCommand.Execute(global, args)),
        "kill" => Task.FromResult(KillCommand.Execute(global, args)),
        "rm" => Task.FromResult(Commands.Container.RemoveCommand.Execute(global, args)),
        "ps" => Task.FromResult(PsCommand.Execute(global, args)),
        "logs" => Task.FromResult(LogsCommand.Execute(global, args, cancellationToken)),
        "wait" => Task.FromResult(WaitCommand.Execute(global, args)),
        "inspect" => Task.FromResult(Commands.Container.InspectCommand.Execute(global, args, imagesToo: true)),
        "restart" => Task.FromResult(RestartCommand.Execute(global, args)),
        "pause" => Task.FromResult(PauseCommand.Execute(global, args, pause: true)),
        "unpause" => Task.FromResult(PauseCommand.Execute(global, args, pause: false)),
        "rename" => Task.FromResult(RenameCommand.Execute(global, args)),
        "top" => Task.FromResult(TopCommand.Execute(global, args)),
        "stats" => Task.FromResult(StatsCommand.Execute(global, args, cancellationToken)),
        "exec" => Task.FromResult(ExecCommand.Execute(global, args)),
        "attach" => Task.FromResult(AttachCommand.Execute(global, args)),
        "container" => RunContainerAsync(global, args, cancellationToken),
        "info" => Task.FromResult(InfoCommand.Execute(global, args)),
        "version" => Task.FromResult(VersionCommand.Execute(global, args)),
        "system" => RunSystemAsync(global, args, cancellationToken),
        "volume" => Task.FromResult(Commands.Volume.VolumeCommands.Execute(global, args)),
        "cp" => CopyCommand.ExecuteAsync(global, args, cancellationToken),
        "network" => Task.FromResult(Commands.Network.NetworkCommand.Execute(global, args)),
        "port" => Task.FromResult(PortCommand.Execute(global, args)),
        "help" => Task.FromResult(Help()),
        _ => throw new UsageException($"unknown command \"{command}\" (see 'berth --help')"),
    };

    private static Task<int> RunImageAsync(GlobalOptions global, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0) throw new UsageException("\"berth image\" needs a subcommand: ls, inspect, history, rm, prune, pull, push, tag, save, load, import");
        string[] rest = args[1..];
        return args[0] switch
        {
            "ls" or "list" => Task.FromResult(ListCommand.Execute(global, rest)),
            "inspect" => Task.FromResult(Commands.Image.InspectCommand.Execute(global, rest)),
            "history" => Task.FromResult(HistoryCommand.Execute(global, rest)),
            "rm" => Commands.Image.RemoveCommand.ExecuteAsync(global, rest, cancellationToken),
            "prune" => PruneCommand.ExecuteAsync(global, rest, cancellationToken),
            "pull" => PullCommand.ExecuteAsync(global, rest, cancellationToken),
            "push" => PushCommand.ExecuteAsync(global, rest, cancellationToken),
            "tag" => Task.FromResult(TagCommand.Execute(global, rest)),
            "save" => SaveCommand.ExecuteAsync(global, rest, cancellationToken),
            "load" => LoadCommand.ExecuteAsync(global, rest, cancellationToken),
            "import" => ImportCommand.ExecuteAsync(global, rest, cancellationToken),
            _ => throw new UsageException($"unknown command \"image {args[0]}\" (see 'berth --help')"),
        };
    }

    private static Task<int> RunContainerAsync(GlobalOptions global, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0) throw new UsageException("\"berth container\" needs a subcommand: run, create, start, stop, restart, kill, pause, unpause, rename, rm, ls, logs, inspect, wait, top, stats");
        string[] rest = args[1..];
        return args[0] switch
        {
            "ls" or "list" or "ps" => Task.FromResult(PsCommand.Execute(global, rest)),
            "inspect" => Task.FromResult(Commands.Container.InspectCommand.Execute(global, rest, imagesToo: false)),
            "cleanup" => Task.FromResult(CleanupCommand.Execute(global, rest)),
            "prune" => Task.FromResult(ContainerPruneCommand.Execute(global, rest)),
            "cp" => CopyCommand.ExecuteAsync(global, rest, cancellationToken),
            "port" => Task.FromResult(PortCommand.Execute(global, rest)),
            "exec" or "attach" => RunAsync(global, args[0], rest, cancellationToken),
            "run" or "create" or "start" or "stop" or "kill" or "rm" or "logs" or "wait" => RunAsync(global, args[0], rest, cancellationToken),
            "restart" or "pause" or "unpause" or "rename" or "top" or "stats" => RunAsync(global, args[0], rest, cancellationToken),
            _ => throw new UsageException($"unknown command \"container {args[0]}\" (see 'berth --help')"),
        };
    }

    private static Task<int> RunSystemAsync(GlobalOptions global, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0) throw new UsageException("\"berth system\" needs a subcommand: df, prune, info");
        string[] rest = args[1..];
        return args[0] switch
        {
            "df" => Task.FromResult(DiskUsageCommand.Execute(global, rest)),
            "prune" => SystemPruneCommand.ExecuteAsync(global, rest, cancellationToken),
            "info" => Task.FromResult(InfoCommand.Execute(global, rest)),
            _ => throw new UsageException($"unknown command \"system {args[0]}\" (see 'berth --help')"),
        };
    }

    private static int Help()
    {
        Console.WriteLine(HelpText.Text);
        return 0;
    }
}
