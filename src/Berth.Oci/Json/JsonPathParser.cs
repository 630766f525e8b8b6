using System.Globalization;

namespace Berth.Oci.Json;

/// <summary>
/// Splits the path System.Text.Json reports in a <see cref="System.Text.Json.JsonException"/>
/// ("$.mounts[3].destination", "$.linux.sysctl['net.ipv4.ip_forward']") into segments, and renders it
/// without the leading "$." for messages.
/// </summary>
internal static class JsonPathParser
{
    /// <summary>The segments after "$"; an empty list for the root, null when the path is not in the expected form.</summary>
    internal static List<JsonPathSegment>? Parse(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$') return null;
        var segments = new List<JsonPathSegment>();
        int i = 1;
        while (i < path.Length)
        {
            int next = path[i] == '.' ? ReadDotted(path, i + 1, segments) : ReadBracketed(path, i, segments);
            if (next <= i) return null;
            i = next;
        }
        return segments;
    }

    /// <summary>"$.process.user.uid" → "process.user.uid"; the root ("$") → "".</summary>
    internal static string Display(string? path) => path switch
    {
        null or "" or "$" => "",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    private static int ReadDotted(string path, int start, List<JsonPathSegment> segments)
    {
        int end = start;
        while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
        if (end == start) return -1;
        segments.Add(JsonPathSegment.Property(path[start..end]));
        return end;
    }

    private static int ReadBracketed(string path, int start, List<JsonPathSegment> segments)
    {
        if (path[start] != '[') return -1;
        if (path.AsSpan(start).StartsWith("['"))
        {
            int close = path.IndexOf("']", start + 2, StringComparison.Ordinal);
            if (close < 0) return -1;
            segments.Add(JsonPathSegment.Property(path[(start + 2)..close]));
            return close + 2;
        }
        int end = path.IndexOf(']', start);
        if (end < 0 || !int.TryParse(path.AsSpan(start + 1, end - start - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return -1;
        }
        segments.Add(JsonPathSegment.Element(index));
        return end + 1;
    }
}
