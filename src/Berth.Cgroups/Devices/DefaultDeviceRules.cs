using Berth.Oci.Spec;

namespace Berth.Cgroups.Devices;

/// <summary>
/// The device rules runc appends after a container's own linux.resources.devices (libcontainer/specconv
/// AllowedDevices), so a container started from the OCI default spec - whose only rule is "deny a rwm" - can still
/// create device nodes and use the basic character devices. Because they come last, a spec cannot take them away.
/// crun appends the same list plus "c 5:1 rwm" (/dev/console); runc leaves that out because the console a runtime
/// gives a container is a pty (136:*) bind-mounted on /dev/console.
/// </summary>
public static class DefaultDeviceRules
{
    /// <summary>runc's list, in runc's order.</summary>
    public static IReadOnlyList<DeviceRule> Runc { get; } =
    [
        DeviceRule.AllowChar(null, null, "m"),   // mknod of any char device
        DeviceRule.AllowBlock(null, null, "m"),  // mknod of any block device
        DeviceRule.AllowChar(1, 3, "rwm"),       // /dev/null
        DeviceRule.AllowChar(1, 8, "rwm"),       // /dev/random
        DeviceRule.AllowChar(1, 7, "rwm"),       // /dev/full
        DeviceRule.AllowChar(5, 0, "rwm"),       // /dev/tty
        DeviceRule.AllowChar(1, 5, "rwm"),       // /dev/zero
        DeviceRule.AllowChar(1, 9, "rwm"),       // /dev/urandom
        DeviceRule.AllowChar(136, null, "rwm"),  // /dev/pts/* (and a console bind-mounted from one)
        DeviceRule.AllowChar(5, 2, "rwm"),       // /dev/ptmx
        DeviceRule.AllowChar(10, 200, "rwm"),    // /dev/net/tun (kept by runc for compatibility)
    ];

    /// <summary>The same list as new config.json entries, for appending to linux.resources.devices.</summary>
    public static List<DeviceCgroup> RuncSpecEntries() => Runc.Select(ToSpec).ToList();

    /// <summary>
    /// A shallow copy of <paramref name="resources"/> (null: none given) whose devices are its own followed by
    /// <see cref="Runc"/>; the other fields are shared, not copied. What the runtime passes to
    /// <see cref="ICgroupManager.Set"/> on create, as runc does.
    /// </summary>
    public static Resources AppendTo(Resources? resources)
    {
        Resources source = resources ?? new Resources();
        return new Resources
        {
            Devices = [.. source.Devices ?? [], .. RuncSpecEntries()],
            Memory = source.Memory,
            Cpu = source.Cpu,
            Pids = source.Pids,
            BlockIO = source.BlockIO,
            HugepageLimits = source.HugepageLimits,
            Network = source.Network,
            Rdma = source.Rdma,
            Unified = source.Unified,
        };
    }

    private static DeviceCgroup ToSpec(DeviceRule rule) => new()
    {
        Allow = rule.Allow,
        Type = ((char)rule.Type).ToString(),
        Major = rule.Major,
        Minor = rule.Minor,
        Access = DeviceAccessText.Format(rule.Access),
    };
}
