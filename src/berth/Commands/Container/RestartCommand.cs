using System.Globalization;

namespace Berth.Cli.Commands.Container;

/// <summary>`restart [-t SECONDS] CONTAINER...`: stop (stop signal, SIGKILL after the timeout) then start, each.</summary>
internal static class RestartCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "restart", new HashSet<string>(), new HashSet<string> { "t", "time", "timeout" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth restart\" requires at least 1 argument; usage: berth restart [-t SECONDS] CONTAINER...");
        string t = args.Get("t", "time", "timeout") ?? "10";
        if (!int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seconds)) throw new UsageException($"restart: invalid argument \"{t}\" for \"-t, --time\" flag: not a number of seconds");
        using var engine = EngineFactory.Open(global);
        return ContainerLoop.ForEach(args.Positional, name =>
        {
            engine.Restart(name, seconds);
            Console.WriteLine(name);
        });
    }
}
