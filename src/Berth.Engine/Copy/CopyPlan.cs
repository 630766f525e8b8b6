namespace Berth.Engine.Copy;

/// <summary>
/// docker cp's rules for where a copy lands (moby pkg/archive copy.go, PrepareArchiveCopy), pure:
/// <list type="bullet">
/// <item>SRC a file: DEST missing → written as DEST (DEST ending in "/" must exist: error); DEST a file →
/// overwritten; DEST a directory → DEST/basename(SRC).</item>
/// <item>SRC a directory: DEST missing → made as DEST with SRC's content; DEST a file → error; DEST a directory →
/// DEST/basename(SRC), or SRC's content straight into DEST when SRC ends in "/.".</item>
/// <item>SRC ending in "/" or "/." must be a directory.</item>
/// </list>
/// The result: the directory to unpack into and the name SRC's top entry gets there ("" = its content only).
/// </summary>
public static class CopyPlan
{
    public sealed record Target(string Directory, string RebaseName);

    /// <param name="source">SRC as typed (its trailing "/" or "/." matters)</param>
    /// <param name="sourceIsDirectory">what SRC is</param>
    /// <param name="destination">DEST as typed</param>
    /// <param name="destinationIsDirectory">null when DEST does not exist</param>
    public static Target Decide(string source, bool sourceIsDirectory, string destination, bool? destinationIsDirectory)
    {
        bool contentsOnly = source.EndsWith("/.", StringComparison.Ordinal) || source == ".";
        if (!sourceIsDirectory && (source.EndsWith('/') || contentsOnly)) throw new EngineException($"{source}: not a directory", 1);
        string baseName = BaseName(source);
        switch (destinationIsDirectory)
        {
            case true:
                return new Target(destination, sourceIsDirectory && contentsOnly ? "" : baseName);
            case false when sourceIsDirectory:
                throw new EngineException($"cannot copy a directory to a file: {destination} is a file", 1);
            case false:
                return new Target(Parent(destination), BaseName(destination));
            default:
                if (destination.EndsWith('/') || destination.EndsWith("/.", StringComparison.Ordinal))
                {
                    throw new EngineException($"destination directory {destination} does not exist", 1);
                }
                return new Target(Parent(destination), BaseName(destination));
        }
    }

    /// <summary>The last name of a path, ignoring trailing "/" and "/." ("/" for the root).</summary>
    public static string BaseName(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        return parts.Length == 0 ? "/" : parts[^1];
    }

    /// <summary>The directory holding a path ("/" at the top; "." for a bare relative name).</summary>
    public static string Parent(string path)
    {
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : trimmed[..slash];
    }
}
