using System.Globalization;

namespace Berth.Oci;

/// <summary>
/// The size syntax of docker and runc (go-units RAMInBytes): a number, optional fraction, optional space, then an optional
/// unit b, k, m, g, t, p (any case, optional "i" and "b": 512m, 1.5GiB, 2g, 100); units are powers of 1024.
/// Anything else ("12x") is an <see cref="FormatException"/> with docker's wording. Pure.
/// </summary>
public static class ByteSize
{
    public static long Parse(string text)
    {
        string s = text.Trim();
        int end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.')) end++;
        string number = s[..end];
        string unit = s[end..].TrimStart(' ').ToLowerInvariant();
        if (number.Length == 0 || number.StartsWith('.') || number.EndsWith('.') || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            throw new FormatException($"invalid size: '{text}'");
        }
        if (unit.EndsWith('b')) unit = unit[..^1];
        if (unit.EndsWith('i') && unit.Length == 2) unit = unit[..^1];
        long multiplier = unit switch
        {
            "" => 1,
            "k" => 1L << 10,
            "m" => 1L << 20,
            "g" => 1L << 30,
            "t" => 1L << 40,
            "p" => 1L << 50,
            _ => throw new FormatException($"invalid size: '{text}'"),
        };
        return (long)(value * multiplier);
    }
}
