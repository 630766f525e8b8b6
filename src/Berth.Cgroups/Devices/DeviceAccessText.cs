namespace Berth.Cgroups.Devices;

/// <summary>The "rwm" text form of <see cref="DeviceAccess"/>, as config.json and the v1 devices files write it.</summary>
public static class DeviceAccessText
{
    /// <summary>Letters in any order, each of r, w, m (repeats are harmless); null when empty or another letter appears.</summary>
    public static DeviceAccess? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var access = DeviceAccess.None;
        foreach (char letter in text)
        {
            DeviceAccess? bit = letter switch
            {
                'r' => DeviceAccess.Read,
                'w' => DeviceAccess.Write,
                'm' => DeviceAccess.Mknod,
                _ => null,
            };
            if (bit is null)
            {
                return null;
            }
            access |= bit.Value;
        }
        return access;
    }

    /// <summary>Always in the kernel's order "rwm" (devices.list prints it so): Read|Mknod → "rm".</summary>
    public static string Format(DeviceAccess access) =>
        string.Concat(
            access.HasFlag(DeviceAccess.Read) ? "r" : "",
            access.HasFlag(DeviceAccess.Write) ? "w" : "",
            access.HasFlag(DeviceAccess.Mknod) ? "m" : "");
}
