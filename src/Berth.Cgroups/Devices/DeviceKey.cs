namespace Berth.Cgroups.Devices;

/// <summary>
/// Which devices an exception names: block or char, major and minor (null = any). Sorted like runc's emulator
/// (major, then minor, then type; "any" first), so the same rule set always gives the same writes and program.
/// </summary>
public readonly record struct DeviceKey(DeviceType Type, uint? Major, uint? Minor) : IComparable<DeviceKey>
{
    public int CompareTo(DeviceKey other)
    {
        int byMajor = Nullable.Compare(Major, other.Major);
        if (byMajor != 0)
        {
            return byMajor;
        }
        int byMinor = Nullable.Compare(Minor, other.Minor);
        return byMinor != 0 ? byMinor : Type.CompareTo(other.Type);
    }

    /// <summary>A rule for these devices with the given access.</summary>
    public DeviceRule Rule(bool allow, DeviceAccess access) => new(allow, Type, Major, Minor, access);
}
