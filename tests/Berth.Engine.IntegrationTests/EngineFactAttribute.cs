using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>
/// A test that runs real containers: needs root, the registry tools, and the published binaries in out/
/// (berth, berth-monitor, berth-runtime: scripts/test.sh publishes them). Skipped with the reason otherwise.
/// </summary>
public sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute()
    {
        Skip = SkipReason();
    }

    internal static string? SkipReason()
    {
        if (RegistryFactAttribute.SkipReason() is { } registry) return registry;
        foreach (string binary in new[] { "berth", "berth-monitor", "berth-runtime" })
        {
            if (!File.Exists(Path.Combine(BusyboxImage.RepoRoot(), "out", binary))) return $"out/{binary} is missing: publish it first (scripts/test.sh, or publish_berth/publish_runtime in scripts/lib/common.sh)";
        }
        return null;
    }
}
