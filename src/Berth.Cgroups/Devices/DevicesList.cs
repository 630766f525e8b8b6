using System.Globalization;

namespace Berth.Cgroups.Devices;

/// <summary>
/// Reads a v1 devices.list: one line per allowed exception ("c 1:3 rwm", "b 8:* r"), or the single line
/// "a *:* rwm" for a cgroup that allows everything (its deny exceptions are not listed at all).
/// </summary>
public static class DevicesList
{
    /// <summary>The state the file describes; a line that is not "type major:minor access" throws, naming <paramref name="path"/>.</summary>
    public static DeviceRuleSet Parse(string text, string path)
    {
        var set = DeviceRuleSet.DenyAll();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            DeviceRule rule = ParseLine(line) ?? throw new CgroupException($"read {path}: unexpected line \"{line}\" (expected like \"c 1:3 rwm\")");
            set.Apply(rule, path);
        }
        return set;
    }

    /// <summary>An allow rule for one line, or null when it is malformed.</summary>
    public static DeviceRule? ParseLine(string line)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0].Length != 1 || parts[1].Split(':') is not [string major, string minor])
        {
            return null;
        }
        DeviceType? type = parts[0][0] switch { 'a' => DeviceType.All, 'b' => DeviceType.Block, 'c' => DeviceType.Char, _ => null };
        DeviceAccess? access = DeviceAccessText.TryParse(parts[2]);
        if (type is null || access is null || !TryNumber(major, out uint? majorNumber) || !TryNumber(minor, out uint? minorNumber))
        {
            return null;
        }
        return new DeviceRule(true, type.Value, majorNumber, minorNumber, access.Value);
    }

    private static bool TryNumber(string text, out uint? value)
    {
        value = null;
        if (text == "*")
        {
            return true;
        }
        bool ok = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint number);
        value = number;
        return ok;
    }
}
