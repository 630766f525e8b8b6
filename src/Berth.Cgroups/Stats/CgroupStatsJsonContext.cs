using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// Source-generated JSON (no reflection, AOT-safe) for <see cref="CgroupEvent"/> and <see cref="CgroupStats"/>, compact
/// like Go's json.Encoder. Property names and omissions are set per property to match runc's types package.
/// Usage: <c>JsonSerializer.Serialize(evt, CgroupStatsJsonContext.Default.CgroupEvent)</c>.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(CgroupEvent))]
[JsonSerializable(typeof(CgroupStats))]
public sealed partial class CgroupStatsJsonContext : JsonSerializerContext
{
}
