using System.Globalization;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Runtime.Container;

/// <summary>
/// The process `exec` runs, built the way runc builds it: from --process FILE, or else from the container's
/// own process (env, cwd, user, capabilities, rlimits, no_new_privs) with the command line's args; then
/// --env, --cwd, --user, --additional-gids, --cap, --tty and --no-new-privs applied on top. Pure.
/// </summary>
public static class ExecProcessBuilder
{
    public static Oci.Spec.Process Build(Oci.Spec.Process? containerProcess, ExecOptions options)
    {
        Oci.Spec.Process p = options.Process ?? FromContainer(containerProcess, options.Args);
        if (p.Args is not { Count: > 0 })
        {
            throw new BerthException("exec: give the command to run (berth-runtime exec ID COMMAND [ARGS...] or --process FILE)");
        }
        p.Env = [.. p.Env ?? [], .. options.Env];
        if (options.Cwd is not null) p.Cwd = options.Cwd;
        if (string.IsNullOrEmpty(p.Cwd)) p.Cwd = "/";
        if (!p.Cwd.StartsWith('/')) throw new BerthException($"exec: cwd '{p.Cwd}' must be an absolute path");
        if (options.User is not null) p.User = ParseUser(options.User, p.User);
        if (options.AdditionalGids.Count > 0) p.User.AdditionalGids = [.. options.AdditionalGids];
        if (options.Caps.Count > 0) AddCaps(p, options.Caps);
        if (options.Tty) p.Terminal = true;
        if (options.NoNewPrivs) p.NoNewPrivileges = true;
        return p;
    }

    private static Oci.Spec.Process FromContainer(Oci.Spec.Process? c, List<string> args) => new()
    {
        Args = [.. args],
        Env = c?.Env is null ? null : [.. c.Env],
        Cwd = c?.Cwd ?? "/",
        User = new User
        {
            Uid = c?.User.Uid ?? 0,
            Gid = c?.User.Gid ?? 0,
            Umask = c?.User.Umask,
            AdditionalGids = c?.User.AdditionalGids is null ? null : [.. c.User.AdditionalGids],
        },
        Capabilities = c?.Capabilities is null ? null : new Oci.Spec.Capabilities
        {
            Bounding = Copy(c.Capabilities.Bounding),
            Effective = Copy(c.Capabilities.Effective),
            Permitted = Copy(c.Capabilities.Permitted),
            Inheritable = Copy(c.Capabilities.Inheritable),
            Ambient = Copy(c.Capabilities.Ambient),
        },
        Rlimits = c?.Rlimits,
        NoNewPrivileges = c?.NoNewPrivileges ?? false,
        ApparmorProfile = c?.ApparmorProfile,
        SelinuxLabel = c?.SelinuxLabel,
    };

    private static List<string>? Copy(List<string>? list) => list is null ? null : [.. list];

    /// <summary>"UID" or "UID:GID", numbers only (runc: "--user value, -u value UID (format: &lt;uid&gt;[:&lt;gid&gt;])").</summary>
    public static User ParseUser(string text, User current)
    {
        string[] parts = text.Split(':');
        if (parts.Length > 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint uid))
        {
            throw new BerthException($"exec --user '{text}': expected UID or UID:GID (numbers)");
        }
        uint gid = current.Gid;
        if (parts.Length == 2 && !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gid))
        {
            throw new BerthException($"exec --user '{text}': the GID must be a number");
        }
        return new User { Uid = uid, Gid = gid, Umask = current.Umask, AdditionalGids = current.AdditionalGids };
    }

    /// <summary>runc: --cap adds to bounding, effective and permitted; to ambient only when inheritable is set.</summary>
    private static void AddCaps(Oci.Spec.Process p, List<string> caps)
    {
        p.Capabilities ??= new Oci.Spec.Capabilities();
        var c = p.Capabilities;
        foreach (string cap in caps)
        {
            string name = cap.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? cap.ToUpperInvariant() : "CAP_" + cap.ToUpperInvariant();
            if (!Oci.Linux.CapabilityNames.TryGetNumber(name, out _))
            {
                throw new BerthException($"exec --cap {cap}: unknown capability");
            }
            (c.Bounding ??= []).Add(name);
            (c.Effective ??= []).Add(name);
            (c.Permitted ??= []).Add(name);
            if (c.Inheritable is not null) (c.Ambient ??= []).Add(name);
        }
    }
}
