using Berth.RuntimeCli.Commands;

namespace Berth.RuntimeCli;

/// <summary>Command name → Commands/&lt;Verb&gt;Command.cs.</summary>
public static class Dispatcher
{
    public static int Run(GlobalOptions global, string command, string[] args) => command switch
    {
        "spec" => SpecCommand.Execute(global, args),
        "create" => CreateCommand.Execute(global, args),
        "start" => StartCommand.Execute(global, args),
        "state" => StateCommand.Execute(global, args),
        "kill" => KillCommand.Execute(global, args),
        "delete" => DeleteCommand.Execute(global, args),
        "run" => RunCommand.Execute(global, args),
        "exec" => ExecCommand.Execute(global, args),
        "ps" => PsCommand.Execute(global, args),
        "pause" => PauseCommand.Execute(global, args, pause: true),
        "resume" => PauseCommand.Execute(global, args, pause: false),
        "update" => UpdateCommand.Execute(global, args),
        "events" => EventsCommand.Execute(global, args),
        "list" => ListCommand.Execute(global, args),
        "features" => FeaturesCommand.Execute(global, args),
        "help" => Help(),
        _ => throw new UsageException($"unknown command \"{command}\" (see 'berth-runtime --help')"),
    };

    private static int Help()
    {
        Console.WriteLine(HelpText.Text);
        return 0;
    }
}
