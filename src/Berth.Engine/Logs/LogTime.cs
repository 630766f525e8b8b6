using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Engine.Logs;

/// <summary>
/// Times as docker's `logs --since/--until` take them (docker/api/types/time.GetTimestamp): an RFC 3339 date or
/// date-time (local time when it has no zone; "2024-01-02", "2024-01-02T03:04", "2024-01-02T03:04:05.5Z"), a
/// Unix timestamp ("1700000000", "1700000000.25"), or a Go duration counted back from now ("10m", "1h30m",
/// "90s"). Pure: "now" and the local offset come in.
/// </summary>
public static partial class LogTime
{
    [GeneratedRegex(@"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex DurationPart();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-ddK",
    ];

    public static DateTimeOffset Parse(string value, DateTimeOffset now, TimeSpan localOffset, string flag)
    {
        string v = value.Trim();
        if (v.Length == 0) throw Bad(value, flag);
        if (v.Contains(':') || v.Contains('-'))
        {
            string trimmed = TrimFraction(v);
            bool hasZone = trimmed.EndsWith('Z') || Regex.IsMatch(trimmed, @"T.*[+-]\d\d:\d\d$") || Regex.IsMatch(trimmed, @"^\d{4}-\d\d-\d\d[+-]\d\d:\d\d$");
            if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) && hasZone)
            {
                return new DateTimeOffset(utc, TimeSpan.Zero);
            }
            if (!hasZone && DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), localOffset);
            }
            throw Bad(value, flag);
        }
        if (DurationPattern().IsMatch(v)) return now - Duration(v);
        string[] parts = v.Split('.', 2);
        if (long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            && (parts.Length == 1 || (parts[1].Length is > 0 and <= 9 && parts[1].All(char.IsAsciiDigit))))
        {
            long nanos = parts.Length == 2 ? long.Parse(parts[1].PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
            return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        }
        throw Bad(value, flag);
    }

    /// <summary>A log entry's time (RFC 3339 with up to 9 fractional digits); null when it is not one.</summary>
    public static DateTimeOffset? ParseEntry(string time) =>
        DateTimeOffset.TryParse(TrimFraction(time), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static TimeSpan Duration(string v)
    {
        double ticks = 0;
        foreach (Match m in DurationPart().Matches(v))
        {
            double n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += n * m.Groups[2].Value switch
            {
                "ns" => 0.01, "us" or "µs" => 10, "ms" => TimeSpan.TicksPerMillisecond, "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute, _ => TimeSpan.TicksPerHour,
            };
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>.NET parses at most 7 fractional digits; Go writes up to 9.</summary>
    private static string TrimFraction(string v) => Regex.Replace(v, @"(\.\d{7})\d+", "$1");

    private static InvalidOptionException Bad(string value, string flag) =>
        new($"invalid value for \"{flag}\": \"{value}\" is not an RFC 3339 time, a Unix timestamp or a duration such as 10m");
}
