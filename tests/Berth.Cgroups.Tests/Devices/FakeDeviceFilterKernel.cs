using Berth.Cgroups.Devices;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// bpf(2) for one cgroup, as a list of attached program ids: records every call ("attach 11 replace 10") so tests
/// can check the order, and can refuse BPF_F_REPLACE (EINVAL, kernels before 5.6) or the load itself.
/// </summary>
internal sealed class FakeDeviceFilterKernel : IDeviceFilterKernel
{
    private const int CgroupFd = 3;
    private readonly Dictionary<int, uint> _programByFd = new();
    private int _nextFd = 10;
    private uint _nextId = 100;

    public List<uint> Attached { get; } = [];

    public List<string> Calls { get; } = [];

    public bool ReplaceUnsupported { get; set; }

    public int? LoadErrno { get; set; }

    public HashSet<int> OpenFds { get; } = [];

    public int OpenCgroup(string directory)
    {
        OpenFds.Add(CgroupFd);
        return CgroupFd;
    }

    public uint[] QueryDevicePrograms(int cgroupFd, string directory) => [.. Attached];

    public int Load(DeviceFilterProgram program)
    {
        if (LoadErrno is int errno)
        {
            throw new CgroupException("bpf(BPF_PROG_LOAD): refused", errno, null);
        }
        Calls.Add($"load {_nextId}");
        return Open(_nextId++);
    }

    public int OpenProgram(uint id) => Attached.Contains(id) ? Open(id) : -1;

    public void Attach(int cgroupFd, int programFd, int replaceFd, string directory)
    {
        uint id = _programByFd[programFd];
        if (replaceFd < 0)
        {
            Calls.Add($"attach {id}");
            Attached.Add(id);
            return;
        }
        if (ReplaceUnsupported)
        {
            throw new CgroupException("bpf(BPF_PROG_ATTACH): Invalid argument", 22, null);
        }
        uint old = _programByFd[replaceFd];
        Calls.Add($"attach {id} replace {old}");
        Attached[Attached.IndexOf(old)] = id;
    }

    public bool Detach(int cgroupFd, int programFd, string directory)
    {
        uint id = _programByFd[programFd];
        Calls.Add($"detach {id}");
        return Attached.Remove(id);
    }

    public void Close(int fd)
    {
        Assert.True(OpenFds.Remove(fd), $"close of fd {fd}, which is not open");
    }

    private int Open(uint id)
    {
        int fd = _nextFd++;
        _programByFd[fd] = id;
        OpenFds.Add(fd);
        return fd;
    }
}
