namespace Berth.Cgroups.Devices;

/// <summary>
/// Installs a device filter on a cgroup2 directory and retires the ones it replaces, the way runc and crun do, so
/// the cgroup is never without a filter: with BPF_F_ALLOW_MULTI every attached program must allow an access, so
/// while old and new are both attached the container gets only what both allow. When exactly one program was
/// attached the kernel swaps it atomically (BPF_F_REPLACE, Linux 5.6); otherwise the new one is attached first
/// and then every old one detached. Returns a plain-words description for the trace.
/// </summary>
internal static class V2DeviceFilter
{
    private const int EINVAL = 22, ENOENT = 2;

    public static string Install(IDeviceFilterKernel kernel, string directory, DeviceFilterProgram program)
    {
        int cgroupFd = kernel.OpenCgroup(directory);
        try
        {
            uint[] old = kernel.QueryDevicePrograms(cgroupFd, directory);
            int programFd = kernel.Load(program);
            try
            {
                string how = Replace(kernel, cgroupFd, programFd, old, directory);
                return $"devices: loaded eBPF device filter ({program.Instructions.Count} instructions, " +
                       $"{V1DevicesController.Describe(program.Rules)}) on {directory}, {how}";
            }
            finally
            {
                kernel.Close(programFd); // the attachment keeps the program alive
            }
        }
        finally
        {
            kernel.Close(cgroupFd);
        }
    }

    private static string Replace(IDeviceFilterKernel kernel, int cgroupFd, int programFd, uint[] old, string directory)
    {
        if (old.Length == 1 && TryAtomicReplace(kernel, cgroupFd, programFd, old[0], directory))
        {
            return $"replacing program id {old[0]} atomically (BPF_F_REPLACE)";
        }
        kernel.Attach(cgroupFd, programFd, replaceFd: -1, directory);
        var detached = new List<uint>();
        foreach (uint id in old)
        {
            int oldFd = kernel.OpenProgram(id);
            if (oldFd < 0)
            {
                continue; // detached meanwhile
            }
            try
            {
                if (kernel.Detach(cgroupFd, oldFd, directory))
                {
                    detached.Add(id);
                }
            }
            finally
            {
                kernel.Close(oldFd);
            }
        }
        return detached.Count == 0
            ? "attached (BPF_F_ALLOW_MULTI)"
            : $"attached (BPF_F_ALLOW_MULTI), then detached old program id(s) {string.Join(", ", detached)}";
    }

    /// <summary>False when the kernel has no BPF_F_REPLACE (EINVAL) or the old program went away (ENOENT).</summary>
    private static bool TryAtomicReplace(IDeviceFilterKernel kernel, int cgroupFd, int programFd, uint oldId, string directory)
    {
        int oldFd = kernel.OpenProgram(oldId);
        if (oldFd < 0)
        {
            return false;
        }
        try
        {
            kernel.Attach(cgroupFd, programFd, oldFd, directory);
            return true;
        }
        catch (CgroupException e) when (e.Errno is EINVAL or ENOENT)
        {
            return false;
        }
        finally
        {
            kernel.Close(oldFd);
        }
    }
}
