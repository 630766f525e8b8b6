using Berth.Cgroups.V1;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Devices;

/// <summary>
/// devices (v1): linux.resources.devices → devices.deny / devices.allow. Reads devices.list for the current state,
/// writes only the transition to the target (see <see cref="DeviceRuleSet.TransitionTo"/>): on a new cgroup
/// (allow-all, inherited) that is "a" to devices.deny first, then each allow; on a live cgroup (update) an unchanged
/// rule set writes nothing and a changed one never passes through a state allowing more than old or new. Then it
/// reads devices.list back and checks the kernel holds what was asked (runc's final safety check).
/// Without linux.resources.devices nothing is written (an update that leaves devices alone).
/// </summary>
internal sealed class V1DevicesController : V1Controller
{
    public V1DevicesController(string mountpoint, string relative, CgroupFs fs)
        : base("devices", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.Devices is null)
        {
            return;
        }
        DeviceRuleSet target = DeviceRuleSet.FromRules(DeviceRules.FromSpec(resources.Devices));
        List<DeviceRule> writes = ReadCurrent().TransitionTo(target);
        Fs.Trace($"devices: {Describe(target)} for {Directory}: {writes.Count} write(s) to devices.deny/devices.allow");
        foreach (DeviceRule rule in writes)
        {
            Write(rule.Allow ? "devices.allow" : "devices.deny", rule.CgroupText);
        }
        DeviceRuleSet after = ReadCurrent();
        if (!after.Matches(target))
        {
            throw new CgroupException(
                $"{PathOf("devices.list")}: after writing the device rules the kernel holds [{string.Join(", ", after.Rules)}], " +
                $"not [{string.Join(", ", target.Rules)}] (a parent cgroup may allow less)");
        }
    }

    /// <summary>"deny-all with 11 allow exceptions" / "allow-all with 1 deny exception".</summary>
    internal static string Describe(DeviceRuleSet set) => set.DefaultAllow
        ? $"allow-all with {set.Exceptions.Count} deny exception(s)"
        : $"deny-all with {set.Exceptions.Count} allow exception(s)";

    private DeviceRuleSet ReadCurrent() => DevicesList.Parse(Fs.Read(PathOf("devices.list")), PathOf("devices.list"));
}
