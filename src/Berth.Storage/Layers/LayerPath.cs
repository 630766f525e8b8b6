namespace Berth.Storage.Layers;

/// <summary>
/// Turns a tar entry name into a path relative to the layer root (pure). A leading "/" is dropped (tar's
/// "removing leading /": absolute names are neutralised, they land inside the layer); "." components vanish;
/// ".." is applied lexically but may never climb above the root ("../etc/passwd", "a/../../x" are rejected).
/// The result is "" for the root itself, else components joined by "/".
/// </summary>
public static class LayerPath
{
    public static string Normalize(string entryName)
    {
        if (entryName.Contains('\0'))
        {
            throw new UnsafeLayerPathException(entryName, "the name contains a NUL byte");
        }
        var components = new List<string>();
        foreach (string part in entryName.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (components.Count == 0)
                {
                    throw new UnsafeLayerPathException(entryName, "\"..\" climbs above the layer root");
                }
                components.RemoveAt(components.Count - 1);
                continue;
            }
            components.Add(part);
        }
        return string.Join('/', components);
    }

    /// <summary>Splits a normalized path into its parent ("" for the root) and its last component.</summary>
    public static (string Parent, string Name) Split(string normalized)
    {
        int slash = normalized.LastIndexOf('/');
        return slash < 0 ? ("", normalized) : (normalized[..slash], normalized[(slash + 1)..]);
    }
}
