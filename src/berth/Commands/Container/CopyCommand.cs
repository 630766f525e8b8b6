namespace Berth.Cli.Commands.Container;

/// <summary>
/// `cp [-a] [-L] [-q] CONTAINER:SRC DEST|-` and `cp [-a] [-L] [-q] SRC|- CONTAINER:DEST`. An argument is a
/// container path when it has a ':' and does not start with '/' or '.' (docker's rule: a local path with a
/// colon is written ./a:b). "-" is a tar stream on stdout / stdin.
/// </summary>
internal static class CopyCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "cp", new HashSet<string> { "a", "archive", "L", "follow-link", "q", "quiet" }, new HashSet<string>());
        args.RequirePositional(2, "cp", "[-a] [-L] CONTAINER:SRC_PATH DEST_PATH|-  or  SRC_PATH|- CONTAINER:DEST_PATH");
        var (fromContainer, source) = Split(args.Positional[0]);
        var (toContainer, destination) = Split(args.Positional[1]);
        if (fromContainer is not null && toContainer is not null) throw new UsageException("cp: copying between containers is not supported");
        if (fromContainer is null && toContainer is null) throw new UsageException("cp: must specify at least one container source (CONTAINER:PATH)");
        if (source.Length == 0 || destination.Length == 0) throw new UsageException("cp: filepath cannot be empty");
        bool follow = args.Has("L", "follow-link");
        using var engine = EngineFactory.Open(global);
        // Errors go up to Program, which prints one line and exits 1 (docker cp's code for all of them).
        if (fromContainer is not null)
        {
            using var stdout = destination == "-" ? Console.OpenStandardOutput() : null;
            await engine.CopyFromContainerAsync(fromContainer, source, destination, follow, stdout, cancellationToken);
        }
        else
        {
            using var stdin = source == "-" ? Console.OpenStandardInput() : null;
            await engine.CopyToContainerAsync(source, toContainer!, destination, follow, args.Has("a", "archive"), stdin, cancellationToken);
        }
        return 0;
    }

    /// <summary>"name:/path" → (name, "/path"); a local path → (null, path).</summary>
    internal static (string? Container, string Path) Split(string arg)
    {
        if (arg.StartsWith('/') || arg.StartsWith('.')) return (null, arg);
        int colon = arg.IndexOf(':');
        if (colon <= 0) return (null, arg);
        return (arg[..colon], arg[(colon + 1)..]);
    }
}
