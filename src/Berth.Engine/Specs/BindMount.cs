namespace Berth.Engine.Specs;

/// <summary>One <c>-v /host:/container[:ro|rw][,propagation]</c>: a bind mount of a host path.</summary>
public sealed record BindMount(string Source, string Destination, bool ReadOnly, string Propagation)
{
    private static readonly string[] Propagations = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

    /// <summary>Docker's -v syntax for host paths. Named and anonymous volumes come in a later increment. Pure.</summary>
    public static BindMount Parse(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length == 1 || parts[0].Length == 0)
        {
            throw new InvalidOptionException($"invalid argument \"{text}\" for \"-v, --volume\" flag: anonymous volumes are not supported yet; give HOST-PATH:CONTAINER-PATH");
        }
        if (parts.Length > 3) throw new InvalidOptionException($"invalid volume specification: '{text}'");
        if (!parts[0].StartsWith('/')) throw new InvalidOptionException($"invalid volume specification: '{text}': named volumes are not supported yet; the host path must be absolute");
        if (!parts[1].StartsWith('/')) throw new InvalidOptionException($"invalid volume specification: '{text}': mount path must be absolute");
        bool readOnly = false;
        string propagation = "rprivate";
        foreach (string option in parts.Length == 3 ? parts[2].Split(',') : [])
        {
            if (option is "ro" or "rw") readOnly = option == "ro";
            else if (Propagations.Contains(option)) propagation = option;
            else if (option is not ("z" or "Z" or "nocopy" or "")) throw new InvalidOptionException($"invalid mode: {option} in volume specification '{text}'");
        }
        return new BindMount(parts[0], parts[1], readOnly, propagation);
    }
}
