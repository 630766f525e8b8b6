namespace Berth.Cgroups.Devices;

/// <summary>
/// What a process may do with a device node: "r" read (open for reading), "w" write (open for writing), "m"
/// mknod (create the node). The bit values are the kernel's eBPF ones (BPF_DEVCG_ACC_MKNOD = 1, READ = 2,
/// WRITE = 4), which a BPF_PROG_TYPE_CGROUP_DEVICE program finds in the high 16 bits of access_type.
/// </summary>
[Flags]
public enum DeviceAccess
{
    None = 0,
    Mknod = 1,
    Read = 2,
    Write = 4,
    All = Read | Write | Mknod,
}
