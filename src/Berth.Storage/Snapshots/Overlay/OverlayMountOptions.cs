namespace Berth.Storage.Snapshots.Overlay;

/// <summary>
/// Builds overlayfs's mount data "lowerdir=TOP:…:BOTTOM,upperdir=U,workdir=W" (pure). The kernel copies mount
/// data into one page, so the string must stay under the page size (4096 bytes here). With many layers the full
/// layer paths do not fit; then the short links ROOT/l/ID → ../layers/HEX/diff are used instead (the trick
/// containers/storage plays with its "l/" directory). If even those do not fit, the error says so.
/// </summary>
public static class OverlayMountOptions
{
    /// <param name="lowerDirsBottomToTop">Full paths of the layer directories, base layer first.</param>
    /// <param name="shortLowerDirsBottomToTop">The same layers through their short links.</param>
    public static string Build(
        IReadOnlyList<string> lowerDirsBottomToTop, IReadOnlyList<string> shortLowerDirsBottomToTop,
        string upperDir, string workDir, int pageSize, string extraOptions = "")
    {
        foreach (var lowers in new[] { lowerDirsBottomToTop, shortLowerDirsBottomToTop })
        {
            string options = Format(lowers, upperDir, workDir, extraOptions);
            if (options.Length < pageSize)
            {
                return options;
            }
        }
        int shortLength = Format(shortLowerDirsBottomToTop, upperDir, workDir, extraOptions).Length;
        throw new StorageException(
            $"{lowerDirsBottomToTop.Count} layers are too many for one overlay mount: even with short links the " +
            $"mount options take {shortLength} bytes and the kernel accepts fewer than {pageSize}; flatten the image (fewer layers)");
    }

    /// <summary>overlayfs's lowerdir lists the topmost layer first.</summary>
    public static string Format(IReadOnlyList<string> lowerDirsBottomToTop, string upperDir, string workDir, string extraOptions = "")
    {
        foreach (string dir in lowerDirsBottomToTop.Append(upperDir).Append(workDir))
        {
            if (dir.IndexOfAny([',', ':']) >= 0)
            {
                throw new StorageException($"overlay directory {dir} contains ',' or ':', which separate overlay mount options");
            }
        }
        string lower = string.Join(':', lowerDirsBottomToTop.Reverse());
        string options = $"lowerdir={lower},upperdir={upperDir},workdir={workDir}";
        return extraOptions.Length > 0 ? options + "," + extraOptions : options;
    }

    /// <summary>The short link name of a layer: 20 hex digits of its diff ID, enough to be unique in one store.</summary>
    public static string ShortLinkName(string diffId) => Layers.LayerDigest.Hex(diffId)[..20];
}
