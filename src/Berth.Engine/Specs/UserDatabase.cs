using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Engine.Specs;

/// <summary>
/// The image's /etc/passwd and /etc/group, to turn docker's <c>-u user[:group]</c> (names or numbers) into the
/// numeric ids the OCI spec carries, as runc's user.GetExecUser does: a name must exist; a number need not
/// (its group is then 0); the group defaults to the user's primary group; supplementary groups are the
/// groups that list the user as a member. Pure: the engine passes the files' text (or null when missing).
/// </summary>
public sealed class UserDatabase(string? passwd, string? group)
{
    private readonly List<string[]> _users = Parse(passwd, 7);
    private readonly List<string[]> _groups = Parse(group, 4);

    public static UserDatabase Empty { get; } = new(null, null);

    /// <summary>The user, its group and supplementary groups, and its home (for HOME).</summary>
    public (User User, string Home) Resolve(string? spec)
    {
        if (string.IsNullOrEmpty(spec)) spec = "0";
        string[] parts = spec.Split(':', 2);
        string[]? entry = FindUser(parts[0]);
        uint uid = entry is not null ? uint.Parse(entry[2], CultureInfo.InvariantCulture)
            : uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint n) ? n
            : throw new InvalidOptionException($"unable to find user {parts[0]}: no matching entries in passwd file");
        uint gid = parts.Length == 2 ? ResolveGroup(parts[1])
            : entry is not null && uint.TryParse(entry[3], CultureInfo.InvariantCulture, out uint g) ? g : 0;
        var additional = entry is null || parts.Length == 2 ? [] : _groups
            .Where(gr => gr[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(entry[0]))
            .Select(gr => uint.Parse(gr[2], CultureInfo.InvariantCulture)).Where(x => x != gid).Distinct().ToList();
        var user = new User { Uid = uid, Gid = gid, AdditionalGids = additional.Count > 0 ? additional : null };
        return (user, entry is not null && entry[5].Length > 0 ? entry[5] : "/");
    }

    private string[]? FindUser(string nameOrId) =>
        _users.FirstOrDefault(u => u[0] == nameOrId) ?? _users.FirstOrDefault(u => u[2] == nameOrId);

    private uint ResolveGroup(string nameOrId)
    {
        var entry = _groups.FirstOrDefault(g => g[0] == nameOrId);
        if (entry is not null) return uint.Parse(entry[2], CultureInfo.InvariantCulture);
        if (uint.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out uint gid)) return gid;
        throw new InvalidOptionException($"unable to find group {nameOrId}: no matching entries in group file");
    }

    private static List<string[]> Parse(string? text, int fields) =>
        (text ?? "").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':'))
            .Where(f => f.Length >= fields - 1 && uint.TryParse(f[2], CultureInfo.InvariantCulture, out _))
            .Select(f => f.Length < fields ? [.. f, ""] : f)
            .ToList();
}
