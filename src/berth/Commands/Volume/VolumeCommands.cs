namespace Berth.Cli.Commands.Volume;

/// <summary>`berth volume SUBCOMMAND`: create, ls, inspect, rm, prune.</summary>
internal static class VolumeCommands
{
    internal static int Execute(GlobalOptions global, string[] args)
    {
        if (args.Length == 0) throw new UsageException("\"berth volume\" needs a subcommand: create, ls, inspect, rm, prune");
        string[] rest = args[1..];
        return args[0] switch
        {
            "create" => CreateCommand.Execute(global, rest),
            "ls" or "list" => ListCommand.Execute(global, rest),
            "inspect" => InspectCommand.Execute(global, rest),
            "rm" or "remove" => RemoveCommand.Execute(global, rest),
            "prune" => PruneCommand.Execute(global, rest),
            _ => throw new UsageException($"unknown command \"volume {args[0]}\" (see 'berth --help')"),
        };
    }

    /// <summary>K=V pairs of --label / --opt (a bare K means an empty value, as docker).</summary>
    internal static Dictionary<string, string> Pairs(IEnumerable<string> values)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string v in values)
        {
            string[] kv = v.Split('=', 2);
            pairs[kv[0]] = kv.Length == 2 ? kv[1] : "";
        }
        return pairs;
    }
}
