using Berth.Oci;
using Berth.Oci.Linux;

namespace Berth.Runtime.Capabilities;

/// <summary>The five capability sets as bit masks (pure: names → bits), from process.capabilities.</summary>
public sealed record CapabilitySet(ulong Bounding, ulong Effective, ulong Permitted, ulong Inheritable, ulong Ambient)
{
    public static CapabilitySet FromSpec(Oci.Spec.Capabilities? caps) => new(
        Mask(caps?.Bounding, "bounding"), Mask(caps?.Effective, "effective"), Mask(caps?.Permitted, "permitted"),
        Mask(caps?.Inheritable, "inheritable"), Mask(caps?.Ambient, "ambient"));

    public static ulong Mask(IEnumerable<string>? names, string setName)
    {
        ulong mask = 0;
        foreach (string name in names ?? [])
        {
            if (!CapabilityNames.TryGetNumber(name, out int bit))
            {
                throw new InvalidSpecException($"process.capabilities.{setName}: unknown capability '{name}'");
            }
            mask |= 1UL << bit;
        }
        return mask;
    }

    /// <summary>"CAP_KILL,CAP_NET_BIND_SERVICE" for traces ("none" when empty).</summary>
    public static string Describe(ulong mask)
    {
        var names = Bits(mask).Select(bit => CapabilityNames.NameOf(bit)).ToList();
        return names.Count == 0 ? "none" : string.Join(',', names);
    }

    public static IEnumerable<int> Bits(ulong mask)
    {
        for (int i = 0; i < 64; i++)
        {
            if ((mask & (1UL << i)) != 0) yield return i;
        }
    }
}
