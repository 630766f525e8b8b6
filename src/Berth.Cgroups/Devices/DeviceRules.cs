using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Devices;

/// <summary>
/// Turns config.json "linux.resources.devices" into <see cref="DeviceRule"/>s, checking each field the way
/// runtime-spec config-linux.md "Device allowlist" describes it: type is "a", "b" or "c" (unset = "a"), major and
/// minor are numbers (unset = any), access is made of the letters r, w, m and may not be empty (runc refuses an
/// empty access too). An "a" rule's major and minor are ignored, as the kernel ignores them. Pure: no I/O.
/// </summary>
public static class DeviceRules
{
    private const string Field = "linux.resources.devices";

    /// <summary>The rules in spec order; an invalid entry throws <see cref="InvalidSpecException"/> naming its field.</summary>
    public static List<DeviceRule> FromSpec(IReadOnlyList<DeviceCgroup?>? devices)
    {
        var rules = new List<DeviceRule>(devices?.Count ?? 0);
        for (int i = 0; i < (devices?.Count ?? 0); i++)
        {
            rules.Add(FromSpec(devices![i], $"{Field}[{i}]"));
        }
        return rules;
    }

    private static DeviceRule FromSpec(DeviceCgroup? device, string field)
    {
        if (device is null)
        {
            throw new InvalidSpecException($"{field}: must be an object, got null");
        }
        DeviceType type = device.Type switch
        {
            null or "" or "a" => DeviceType.All,
            "b" => DeviceType.Block,
            "c" => DeviceType.Char,
            _ => throw new InvalidSpecException($"{field}.type: must be one of a, b, c (all, block, char), got '{device.Type}'"),
        };
        DeviceAccess access = DeviceAccessText.TryParse(device.Access)
            ?? throw new InvalidSpecException(device.Access is null or ""
                ? $"{field}.access: must not be empty; use letters of \"rwm\" (read, write, mknod)"
                : $"{field}.access: must be made of the letters r, w, m (read, write, mknod), got '{device.Access}'");
        uint? major = Number(device.Major, field + ".major");
        uint? minor = Number(device.Minor, field + ".minor");
        return new DeviceRule(device.Allow, type, major, minor, access);
    }

    private static uint? Number(long? value, string field)
    {
        if (value is null)
        {
            return null;
        }
        if (value < 0 || value > uint.MaxValue)
        {
            throw new InvalidSpecException($"{field}: must be between 0 and {uint.MaxValue}, or unset for any, got {value}");
        }
        return (uint)value.Value;
    }
}
