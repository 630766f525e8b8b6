namespace Berth.Storage.Layers;

/// <summary>
/// The OCI image-spec whiteout rules (layer.md "Whiteouts"), pure: a file named ".wh.NAME" in a layer means
/// "NAME no longer exists"; ".wh..wh..opq" in a directory means "this directory's lower contents are hidden".
/// overlayfs expresses the same with a character device 0:0 named NAME and the xattr trusted.overlay.opaque=y,
/// which is what Berth writes into layer directories so they can be used as lowerdirs directly.
/// </summary>
public static class Whiteout
{
    public const string Prefix = ".wh.";
    public const string MetaPrefix = ".wh..wh.";
    public const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Classifies the last component of an entry; for a whiteout, <paramref name="target"/> is the deleted name.</summary>
    public static WhiteoutKind Classify(string name, out string target)
    {
        target = "";
        if (name == OpaqueMarker)
        {
            return WhiteoutKind.Opaque;
        }
        if (name.StartsWith(MetaPrefix, StringComparison.Ordinal))
        {
            return WhiteoutKind.AufsMetadata;
        }
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return WhiteoutKind.None;
        }
        target = name[Prefix.Length..];
        if (target is "" or "." or "..")
        {
            throw new UnsafeLayerPathException(name, "a whiteout must name a file (\".wh.\", \".wh..\" are not allowed)");
        }
        return WhiteoutKind.Whiteout;
    }
}
