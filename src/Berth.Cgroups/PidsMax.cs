using System.Globalization;

namespace Berth.Cgroups;

/// <summary>pids.max is the same file on v1 and v2: a positive limit, or "max" for 0 and negative values.</summary>
internal static class PidsMax
{
    public static string Format(long limit) => limit > 0 ? limit.ToString(CultureInfo.InvariantCulture) : "max";
}
