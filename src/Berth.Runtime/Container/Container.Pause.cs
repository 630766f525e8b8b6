using Berth.Oci;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`pause`: freezes every process of the container (v1 freezer.state FROZEN, v2 cgroup.freeze 1).</summary>
    public void Pause()
    {
        string status = Status;
        if (status != "running")
        {
            throw new BerthException($"cannot pause container \"{Id}\": it is {status}, not running");
        }
        Trace.Step("freeze the container's cgroup: its processes stop being scheduled");
        Cgroup().Freeze();
    }

    /// <summary>`resume`: thaws a paused container.</summary>
    public void Resume()
    {
        string status = Status;
        if (status != "paused")
        {
            throw new BerthException($"cannot resume container \"{Id}\": it is {status}, not paused");
        }
        Trace.Step("thaw the container's cgroup");
        Cgroup().Thaw();
    }

    /// <summary>
    /// `update`: writes the given resources into the live cgroup; fields left out keep their values. Device
    /// rules, when given, get runc's default allow-list after them, as at create.
    /// </summary>
    public void Update(Oci.Spec.Resources resources)
    {
        if (Status == "stopped")
        {
            throw new BerthException($"cannot update container \"{Id}\": it is stopped");
        }
        if (resources.Devices is { Count: > 0 }) resources = Cgroups.Devices.DefaultDeviceRules.AppendTo(resources);
        Cgroup().Set(resources);
    }
}
