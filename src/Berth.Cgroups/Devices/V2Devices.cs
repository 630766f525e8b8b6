using Berth.Cgroups.V2;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Devices;

/// <summary>
/// devices (v2): cgroup2 has no devices files; instead a BPF_PROG_TYPE_CGROUP_DEVICE program attached to the
/// cgroup directory decides each access (see <see cref="DeviceFilterCompiler"/>). It works on any cgroup2
/// directory, with or without controllers enabled. Without linux.resources.devices nothing changes (an update
/// that leaves devices alone); with it, the filter is compiled and replaces the one attached before.
/// </summary>
internal static class V2Devices
{
    public static void Set(V2Files files, List<DeviceCgroup>? devices) => Set(files.Fs, files.Directory, devices, BpfKernel.Instance);

    internal static void Set(CgroupFs fs, string directory, List<DeviceCgroup>? devices, IDeviceFilterKernel kernel)
    {
        if (devices is null)
        {
            return;
        }
        DeviceFilterProgram program = DeviceFilterCompiler.Compile(DeviceRules.FromSpec(devices));
        try
        {
            fs.Trace(V2DeviceFilter.Install(kernel, directory, program));
        }
        catch (CgroupException e) when (program.Rules.DefaultAllow && program.Rules.Exceptions.Count == 0)
        {
            // A filter allowing everything restricts nothing, so a kernel without cgroup BPF loses nothing. (runc
            // also skips when every rule merely allows rwm, which would drop the deny-all start; Berth does not.)
            fs.Trace($"devices: no eBPF device filter on {directory} ({e.Message}); the rules allow every device, so nothing is lost");
        }
    }
}
