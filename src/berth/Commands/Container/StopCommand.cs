using System.Globalization;

namespace Berth.Cli.Commands.Container;

/// <summary>`stop [-t SECONDS] CONTAINER...`: the stop signal, then SIGKILL after the timeout (10 s).</summary>
internal static class StopCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "stop", new HashSet<string>(), new HashSet<string> { "t", "time", "timeout" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth stop\" requires at least 1 argument; usage: berth stop [-t SECONDS] CONTAINER...");
        string t = args.Get("t", "time", "timeout") ?? "10";
        if (!int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seconds)) throw new UsageException($"stop: invalid argument \"{t}\" for \"-t, --time\" flag: not a number of seconds");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Stop(name, seconds);
            Console.WriteLine(name);
        });
    }
}
