using System.Runtime.InteropServices;
using System.Text;
using Berth.Cgroups.Interop;

namespace Berth.Cgroups.Devices;

/// <summary>The real <see cref="IDeviceFilterKernel"/>: bpf(2) as runc and crun call it.</summary>
internal sealed unsafe class BpfKernel : IDeviceFilterKernel
{
    private const int ENOENT = 2, EINVAL = 22, ENOSPC = 28;
    private const int MaxLogSize = 1 << 20;

    public static BpfKernel Instance { get; } = new();

    public int OpenCgroup(string directory)
    {
        int fd = Bpf.open(directory, Bpf.ODirectory | Bpf.OCloexec, 0);
        return fd >= 0 ? fd : throw Failure($"open {directory}", Marshal.GetLastPInvokeError());
    }

    public uint[] QueryDevicePrograms(int cgroupFd, string directory)
    {
        Span<byte> attr = stackalloc byte[BpfAttr.Size];
        for (uint capacity = 64; ; capacity *= 2)
        {
            var ids = new uint[capacity];
            fixed (uint* idsPointer = ids)
            {
                BpfAttr.ProgQuery(attr, cgroupFd, Bpf.AttachCgroupDevice, (ulong)idsPointer, capacity);
                int errno = Call(Bpf.ProgQuery, attr);
                uint count = BpfAttr.QueryCount(attr);
                if (errno == ENOSPC && capacity < 65536)
                {
                    continue;
                }
                if (errno != 0)
                {
                    throw Failure($"bpf(BPF_PROG_QUERY, BPF_CGROUP_DEVICE) on {directory}", errno);
                }
                return ids[..(int)Math.Min(count, capacity)];
            }
        }
    }

    public int Load(DeviceFilterProgram program)
    {
        int fd = TryLoad(program, log: null);
        if (fd >= 0)
        {
            return fd;
        }
        RaiseMemlockLimit();
        for (int logSize = 64 * 1024; ; logSize *= 2)
        {
            var log = new byte[logSize];
            fd = TryLoad(program, log);
            int errno = Marshal.GetLastPInvokeError();
            if (fd >= 0)
            {
                return fd;
            }
            if (errno == ENOSPC && logSize < MaxLogSize)
            {
                continue;
            }
            string verifier = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0))).Trim();
            string detail = verifier.Length > 0 ? $"; verifier log: {verifier}" : "";
            throw Failure($"bpf(BPF_PROG_LOAD) of the device filter ({program.Instructions.Count} instructions){detail}", errno);
        }
    }

    public int OpenProgram(uint id)
    {
        Span<byte> attr = stackalloc byte[BpfAttr.Size];
        BpfAttr.ProgGetFdById(attr, id);
        fixed (byte* pointer = attr)
        {
            long fd = Bpf.syscall(Bpf.SyscallNumber, Bpf.ProgGetFdById, pointer, BpfAttr.Size);
            int errno = Marshal.GetLastPInvokeError();
            if (fd >= 0)
            {
                return (int)fd;
            }
            return errno == ENOENT ? -1 : throw Failure($"bpf(BPF_PROG_GET_FD_BY_ID, {id})", errno);
        }
    }

    public void Attach(int cgroupFd, int programFd, int replaceFd, string directory)
    {
        int flags = Bpf.FlagAllowMulti | (replaceFd >= 0 ? Bpf.FlagReplace : 0);
        Span<byte> attr = stackalloc byte[BpfAttr.Size];
        BpfAttr.ProgAttach(attr, cgroupFd, programFd, Bpf.AttachCgroupDevice, flags, replaceFd);
        int errno = Call(Bpf.ProgAttach, attr);
        if (errno != 0)
        {
            string how = replaceFd >= 0 ? "BPF_F_ALLOW_MULTI|BPF_F_REPLACE" : "BPF_F_ALLOW_MULTI";
            throw Failure($"bpf(BPF_PROG_ATTACH, BPF_CGROUP_DEVICE, {how}) on {directory}", errno);
        }
    }

    public bool Detach(int cgroupFd, int programFd, string directory)
    {
        Span<byte> attr = stackalloc byte[BpfAttr.Size];
        BpfAttr.ProgAttach(attr, cgroupFd, programFd, Bpf.AttachCgroupDevice, 0, -1);
        int errno = Call(Bpf.ProgDetach, attr);
        return errno switch
        {
            0 => true,
            ENOENT => false,
            _ => throw Failure($"bpf(BPF_PROG_DETACH, BPF_CGROUP_DEVICE) on {directory}", errno),
        };
    }

    public void Close(int fd) => Bpf.close(fd);

    private static int TryLoad(DeviceFilterProgram program, byte[]? log)
    {
        byte[] instructions = program.ToBytes();
        byte[] license = Encoding.ASCII.GetBytes(program.License + "\0");
        Span<byte> attr = stackalloc byte[BpfAttr.Size];
        fixed (byte* insns = instructions, licensePointer = license, logPointer = log)
        {
            BpfAttr.ProgLoad(attr, Bpf.ProgTypeCgroupDevice, program.Instructions.Count, (ulong)insns, (ulong)licensePointer,
                (ulong)logPointer, (uint)(log?.Length ?? 0));
            fixed (byte* attrPointer = attr)
            {
                return (int)Bpf.syscall(Bpf.SyscallNumber, Bpf.ProgLoad, attrPointer, BpfAttr.Size);
            }
        }
    }

    /// <summary>Before Linux 5.11 BPF memory counted against RLIMIT_MEMLOCK; best effort, as in runc and crun.</summary>
    private static void RaiseMemlockLimit()
    {
        ulong* limits = stackalloc ulong[2] { ulong.MaxValue, ulong.MaxValue };
        _ = Bpf.setrlimit(Bpf.RlimitMemlock, limits);
    }

    /// <summary>Runs one bpf command; 0 or the errno.</summary>
    private static int Call(int command, Span<byte> attr)
    {
        fixed (byte* pointer = attr)
        {
            return Bpf.syscall(Bpf.SyscallNumber, command, pointer, BpfAttr.Size) < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
    }

    private static CgroupException Failure(string operation, int errno) =>
        new($"{operation}: {Marshal.GetPInvokeErrorMessage(errno)}{Hint(errno)}", errno, null);

    private static string Hint(int errno) => errno switch
    {
        EINVAL => " (the kernel may lack CONFIG_CGROUP_BPF or the program was refused)",
        1 => " (needs root: CAP_SYS_ADMIN or CAP_BPF)",
        _ => "",
    };
}
