using System.Globalization;

namespace Berth.Cgroups.Devices;

/// <summary>
/// One device cgroup rule: allow or deny <see cref="Access"/> to devices of <see cref="Type"/> with the given major
/// and minor numbers (null = any, written "*"). A rule of type <see cref="DeviceType.All"/> matches every device
/// and access: "deny a" switches the cgroup to "deny everything except the allowed exceptions".
/// </summary>
public sealed record DeviceRule(bool Allow, DeviceType Type, uint? Major, uint? Minor, DeviceAccess Access)
{
    /// <summary>Allow <paramref name="access"/> ("rwm") on a char device.</summary>
    public static DeviceRule AllowChar(uint? major, uint? minor, string access) =>
        new(true, DeviceType.Char, major, minor, DeviceAccessText.TryParse(access) ?? throw new ArgumentException(access));

    /// <summary>Allow <paramref name="access"/> ("rwm") on a block device.</summary>
    public static DeviceRule AllowBlock(uint? major, uint? minor, string access) =>
        new(true, DeviceType.Block, major, minor, DeviceAccessText.TryParse(access) ?? throw new ArgumentException(access));

    /// <summary>Deny every access to every device: the usual first rule of a container.</summary>
    public static DeviceRule DenyAll { get; } = new(false, DeviceType.All, null, null, DeviceAccess.All);

    /// <summary>Allow every access to every device (a privileged container).</summary>
    public static DeviceRule AllowAll { get; } = new(true, DeviceType.All, null, null, DeviceAccess.All);

    /// <summary>
    /// The line for devices.allow / devices.deny: "c 1:3 rwm", "b 8:* r", or just "a" (the kernel ignores the rest
    /// of an "a" line: it resets the cgroup to allow-all or deny-all and drops every exception).
    /// </summary>
    public string CgroupText => Type == DeviceType.All
        ? "a"
        : $"{(char)Type} {Number(Major)}:{Number(Minor)} {DeviceAccessText.Format(Access)}";

    /// <summary>"allow c 1:3 rwm" / "deny a": for messages and traces.</summary>
    public override string ToString() => (Allow ? "allow " : "deny ") + CgroupText;

    private static string Number(uint? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "*";
}
