namespace Berth.Oci.Linux;

/// <summary>config-linux.md "linux.rootfsPropagation": the propagation of the container's / as mount(2) flags.</summary>
public static class RootfsPropagation
{
    /// <summary>The values the spec allows.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable"];

    public static bool IsKnown(string? value) => value is not null && Known.Contains(value);

    /// <summary>"rslave" → MS_SLAVE|MS_REC; anything else is an <see cref="InvalidSpecException"/> naming the field.</summary>
    public static ulong ToFlags(string value)
    {
        if (!IsKnown(value) || !MountOptionTable.TryGet(value, out var entry))
        {
            throw new InvalidSpecException(
                $"linux.rootfsPropagation: unknown propagation '{value}' (known: {string.Join(", ", Known)})");
        }
        return entry.Flag;
    }
}
