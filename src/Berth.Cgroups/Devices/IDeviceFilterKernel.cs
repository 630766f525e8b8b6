namespace Berth.Cgroups.Devices;

/// <summary>
/// The bpf(2) steps of installing a cgroup2 device filter, behind a seam so the replace logic can be tested with a
/// fake. Failures throw <see cref="CgroupException"/> with the errno and the cgroup path.
/// </summary>
internal interface IDeviceFilterKernel
{
    /// <summary>open(directory, O_RDONLY|O_DIRECTORY): the fd BPF_PROG_ATTACH takes as target.</summary>
    int OpenCgroup(string directory);

    /// <summary>BPF_PROG_QUERY for BPF_CGROUP_DEVICE: ids of the programs attached directly to the cgroup.</summary>
    uint[] QueryDevicePrograms(int cgroupFd, string directory);

    /// <summary>BPF_PROG_LOAD of a BPF_PROG_TYPE_CGROUP_DEVICE program; the error carries the verifier's log.</summary>
    int Load(DeviceFilterProgram program);

    /// <summary>BPF_PROG_GET_FD_BY_ID; -1 when the program is already gone (ENOENT).</summary>
    int OpenProgram(uint id);

    /// <summary>BPF_PROG_ATTACH with BPF_F_ALLOW_MULTI, plus BPF_F_REPLACE of <paramref name="replaceFd"/> when it is not -1.</summary>
    void Attach(int cgroupFd, int programFd, int replaceFd, string directory);

    /// <summary>BPF_PROG_DETACH of one program; false when it was no longer attached (ENOENT).</summary>
    bool Detach(int cgroupFd, int programFd, string directory);

    void Close(int fd);
}
