using Berth.Oci.Linux;
using Berth.Oci.Spec;

namespace Berth.Oci;

/// <summary>The "process" rules: args, cwd, capability names, rlimits. Public so <c>exec --process</c> can use them.</summary>
public static partial class SpecValidator
{
    /// <summary>Checks a process; <paramref name="field"/> prefixes field names ("process" in config.json, "" for a process file).</summary>
    public static void ValidateProcess(Process process, string field = "process")
    {
        ArgumentNullException.ThrowIfNull(process);
        string prefix = field.Length == 0 ? "" : field + ".";
        if (process.Args is not { Count: > 0 })
        {
            throw new InvalidSpecException($"{prefix}args: must not be empty (nothing to run)");
        }
        CheckAbsolute(process.Cwd, prefix + "cwd");
        CheckCapabilities(process.Capabilities, prefix + "capabilities");
        CheckRlimits(process.Rlimits, prefix + "rlimits");
    }

    private static void CheckCapabilities(Capabilities? caps, string field)
    {
        if (caps is null) return;
        CheckCapabilitySet(caps.Bounding, field + ".bounding");
        CheckCapabilitySet(caps.Effective, field + ".effective");
        CheckCapabilitySet(caps.Inheritable, field + ".inheritable");
        CheckCapabilitySet(caps.Permitted, field + ".permitted");
        CheckCapabilitySet(caps.Ambient, field + ".ambient");
    }

    private static void CheckCapabilitySet(List<string>? names, string field)
    {
        for (int i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!CapabilityNames.IsKnown(names![i]))
            {
                throw new InvalidSpecException($"{field}[{i}]: unknown capability '{names[i]}'");
            }
        }
    }

    private static void CheckRlimits(List<Rlimit>? rlimits, string field)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < (rlimits?.Count ?? 0); i++)
        {
            var rlimit = Entry(rlimits![i], $"{field}[{i}]");
            if (!RlimitNames.IsKnown(rlimit.Type))
            {
                throw new InvalidSpecException(
                    $"{field}[{i}].type: unknown rlimit '{rlimit.Type}' (known: {string.Join(", ", RlimitNames.All)})");
            }
            if (!seen.TryAdd(rlimit.Type, i))
            {
                throw new InvalidSpecException($"{field}[{i}].type: duplicate rlimit '{rlimit.Type}' (first at {field}[{seen[rlimit.Type]}])");
            }
            if (rlimit.Soft > rlimit.Hard)
            {
                throw new InvalidSpecException($"{field}[{i}]: soft limit {rlimit.Soft} is above hard limit {rlimit.Hard} for {rlimit.Type}");
            }
        }
    }
}
