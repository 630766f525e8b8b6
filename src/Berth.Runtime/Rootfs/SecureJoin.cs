namespace Berth.Runtime.Rootfs;

/// <summary>
/// Resolves a container path inside the rootfs the way the kernel would after pivot_root: symlinks are
/// followed, but absolute links and ".." are clamped at the rootfs, so a hostile rootfs cannot make a
/// mount land outside it (the CVE-2021-30465 class). Pure given <c>readLink</c>, so it is unit-tested.
/// </summary>
public static class SecureJoin
{
    private const int MaxLinks = 255;

    /// <param name="root">absolute host path of the rootfs</param>
    /// <param name="unsafePath">a path as seen inside the container</param>
    /// <param name="readLink">host path → link target, or null when it is not a symlink (or missing)</param>
    public static string Join(string root, string unsafePath, Func<string, string?> readLink)
    {
        root = root.TrimEnd('/');
        var resolved = new List<string>();
        var pending = new Stack<string>(Split(unsafePath).Reverse());
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            string candidate = root + "/" + string.Join('/', resolved.Append(part));
            string? target = readLink(candidate);
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new Oci.BerthException($"resolve {unsafePath} in the rootfs: too many levels of symbolic links");
            }
            if (target.StartsWith('/')) resolved.Clear();
            foreach (string p in Split(target).Reverse()) pending.Push(p);
        }
        return resolved.Count == 0 ? root : root + "/" + string.Join('/', resolved);
    }

    /// <summary>The same, reading links from the real filesystem.</summary>
    public static string Join(string root, string unsafePath) => Join(root, unsafePath, Interop.Sys.ReadLink);

    private static IEnumerable<string> Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
