namespace Berth.Storage.Layers;

/// <summary>
/// Which extended attributes from a layer are applied (pure). Kept: user.*, security.* (security.capability is
/// how file capabilities such as ping's cap_net_raw travel), trusted.* and system.* (POSIX ACLs). Refused:
/// trusted.overlay.* and user.overlay.*, because overlayfs reads those from lowerdirs as instructions (redirects,
/// metacopy, opaque): a layer must not be able to forge them. Anything else (unknown namespace) is skipped.
/// </summary>
public static class XattrPolicy
{
    private static readonly string[] AllowedNamespaces = ["user.", "security.", "trusted.", "system."];
    private static readonly string[] Reserved = ["trusted.overlay.", "user.overlay."];

    public static bool IsAllowed(string name, out string reason)
    {
        if (Reserved.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            reason = $"xattr {name} skipped: overlayfs reserves it";
            return false;
        }
        if (!AllowedNamespaces.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            reason = $"xattr {name} skipped: unknown namespace";
            return false;
        }
        reason = "";
        return true;
    }
}
