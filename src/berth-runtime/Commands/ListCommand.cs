using Berth.Cli.Output;
using Berth.Runtime.Container;
using Berth.Runtime.State;

namespace Berth.RuntimeCli.Commands;

/// <summary>`list [--format table|json] [--quiet]`</summary>
internal static class ListCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "list", new HashSet<string> { "quiet", "q" }, new HashSet<string> { "format", "f" });
        var states = Container.List(CommandHelpers.Store(global)).Select(c => c.ToRuncState()).ToList();
        string format = args.Get("format") ?? args.Get("f") ?? "table";
        if (args.Has("quiet") || args.Has("q"))
        {
            states.ForEach(s => Console.WriteLine(s.Id));
        }
        else if (format == "json")
        {
            Console.WriteLine(StateJson.RuncStatesText(states));
        }
        else if (format == "table")
        {
            var rows = states.Select(s => new[] { s.Id, s.Pid.ToString(), s.Status, s.Bundle, s.Created.ToString("o"), s.Owner }).ToList();
            Table.Print(["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"], rows);
        }
        else
        {
            throw new UsageException($"list: invalid --format '{format}' (use table or json)");
        }
        return 0;
    }
}
