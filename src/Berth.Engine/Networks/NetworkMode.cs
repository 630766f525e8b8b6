namespace Berth.Engine.Networks;

/// <summary>
/// --network: <c>none</c> (a namespace with only lo), <c>host</c> (the host's), <c>container:NAME|ID</c> (another
/// running container's), or the name/id of a bridge network (<c>bridge</c>, docker's default; <c>default</c> means
/// it too). Pure.
/// </summary>
public readonly record struct NetworkMode(string Kind, string Target)
{
    public const string None = "none", Host = "host", Container = "container", Bridge = "bridge";

    public bool IsBridge => Kind == Bridge;

    public static NetworkMode Parse(string? value)
    {
        string v = string.IsNullOrEmpty(value) || value == "default" ? Bridge : value;
        if (v is None or Host) return new NetworkMode(v, "");
        if (v.StartsWith("container:", StringComparison.Ordinal))
        {
            string target = v["container:".Length..];
            if (target.Length == 0) throw new InvalidOptionException($"invalid argument \"{v}\" for \"--network\" flag: container: needs a container name or id");
            return new NetworkMode(Container, target);
        }
        return new NetworkMode(Bridge, v);
    }
}
