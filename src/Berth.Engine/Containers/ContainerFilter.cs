using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Engine.State;

namespace Berth.Engine.Containers;

/// <summary>
/// docker's `ps --filter KEY=VALUE`: id (prefix), name (regular expression), label (KEY or KEY=VALUE; every
/// label filter must match), status (created, restarting, running, removing, paused, exited, dead), exited (exit
/// code), ancestor (image name or id), before and since (created before / after that container), and podman's
/// restart-policy (no, on-failure, always, unless-stopped; what `start --all` at boot uses). Values of one
/// key are alternatives, different keys must all match (moby's filters.Args). status, before and since list
/// stopped containers without -a, as docker does. Pure: lookups come in as functions.
/// </summary>
public sealed class ContainerFilter
{
    private static readonly string[] Keys = ["id", "name", "label", "status", "exited", "ancestor", "before", "since", "restart-policy"];
    private static readonly string[] RestartPolicies = ["no", "on-failure", "always", "unless-stopped"];
    private static readonly string[] Statuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static ContainerFilter Parse(IEnumerable<string> filters)
    {
        var filter = new ContainerFilter();
        foreach (string f in filters)
        {
            int eq = f.IndexOf('=');
            if (eq <= 0) throw new InvalidOptionException($"bad format of filter (expected name=value): {f}");
            string key = f[..eq].ToLowerInvariant(), value = f[(eq + 1)..];
            if (!Keys.Contains(key)) throw new InvalidOptionException($"invalid filter '{key}' (supported: {string.Join(", ", Keys)})");
            if (key == "status" && !Statuses.Contains(value)) throw new InvalidOptionException($"invalid filter 'status={value}' (use one of {string.Join(", ", Statuses)})");
            if (key == "restart-policy" && !RestartPolicies.Contains(value)) throw new InvalidOptionException($"invalid filter 'restart-policy={value}' (use one of {string.Join(", ", RestartPolicies)})");
            if (key == "exited" && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) throw new InvalidOptionException($"invalid filter 'exited={value}': not an exit code");
            if (!filter._values.TryGetValue(key, out var list)) filter._values[key] = list = [];
            list.Add(value);
        }
        return filter;
    }

    /// <summary>status, before and since show stopped containers too (moby's list.go).</summary>
    public bool ImpliesAll => _values.ContainsKey("status") || _values.ContainsKey("before") || _values.ContainsKey("since");

    /// <param name="labels">the container's labels (image labels merged with --label)</param>
    /// <param name="findContainer">a container by id or name (for before/since); null when none</param>
    /// <param name="imageIdOf">an image name or id → the image id; null when no such image</param>
    public bool Matches(ContainerRecord c, IReadOnlyDictionary<string, string> labels, Func<string, ContainerRecord?> findContainer, Func<string, string?> imageIdOf)
    {
        foreach (var (key, values) in _values)
        {
            bool ok = key switch
            {
                "label" => values.All(v => HasLabel(labels, v)),
                "id" => values.Any(v => c.Id.StartsWith(v, StringComparison.Ordinal)),
                "name" => values.Any(v => v == c.Name || NameMatches(c.Name, v)),
                "status" => values.Contains(c.State),
                "exited" => c.State == ContainerStatus.Exited && values.Any(v => int.Parse(v, CultureInfo.InvariantCulture) == (c.ExitCode ?? 0)),
                "ancestor" => values.Any(v => imageIdOf(v) is { } id && id == c.ImageId),
                "before" => values.Any(v => c.Created < Reference(v, findContainer).Created),
                "since" => values.Any(v => c.Created > Reference(v, findContainer).Created),
                "restart-policy" => values.Contains(ContainerEngine.ConfigOf(c).Options.Restart?.Split(':')[0] is { Length: > 0 } policy ? policy : "no"),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>"KEY" matches any value of KEY; "KEY=VALUE" that value only.</summary>
    public static bool HasLabel(IReadOnlyDictionary<string, string> labels, string filter)
    {
        int eq = filter.IndexOf('=');
        return eq < 0 ? labels.ContainsKey(filter) : labels.TryGetValue(filter[..eq], out string? v) && v == filter[(eq + 1)..];
    }

    private static bool NameMatches(string name, string pattern)
    {
        try
        {
            return Regex.IsMatch("/" + name, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOptionException($"invalid filter 'name={pattern}': {e.Message}");
        }
    }

    private static ContainerRecord Reference(string idOrName, Func<string, ContainerRecord?> find) =>
        find(idOrName) ?? throw new ContainerNotFoundException(idOrName);
}
