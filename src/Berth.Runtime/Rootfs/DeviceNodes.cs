using Berth.Oci.Spec;
using Berth.Runtime.Interop;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>
/// /dev inside the container: the default devices every runtime provides (null, zero, full, random,
/// urandom, tty), the spec's linux.devices, and the /dev/fd, /dev/std*, /dev/ptmx links.
/// </summary>
internal static class DeviceNodes
{
    private const uint S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFIFO = 0x1000;

    internal static readonly Device[] Defaults =
    [
        Char("/dev/null", 1, 3), Char("/dev/zero", 1, 5), Char("/dev/full", 1, 7),
        Char("/dev/random", 1, 8), Char("/dev/urandom", 1, 9), Char("/dev/tty", 5, 0),
    ];

    private static Device Char(string path, long major, long minor) =>
        new() { Type = "c", Path = path, Major = major, Minor = minor, FileMode = 0x1b6 /* 0666 */, Uid = 0, Gid = 0 };

    internal static void Create(string rootfs, IReadOnlyList<Device>? specDevices, bool inUserNamespace)
    {
        var all = new List<Device>(Defaults);
        foreach (var d in specDevices ?? [])
        {
            all.RemoveAll(x => x.Path == d.Path);
            all.Add(d);
        }
        foreach (var device in all)
        {
            string target = SecureJoin.Join(rootfs, device.Path);
            if (inUserNamespace) BindFromHost(device, target);
            else MakeNode(device, target);
        }
        CreateLinks(rootfs);
    }

    /// <summary>The kernel's makedev(): the 12+20 bit split of major and minor into dev_t.</summary>
    internal static ulong MakeDev(long major, long minor) =>
        (((ulong)major & 0xfffff000UL) << 32) | (((ulong)major & 0xfffUL) << 8) |
        (((ulong)minor & 0xffffff00UL) << 12) | ((ulong)minor & 0xffUL);

    private static void MakeNode(Device device, string target)
    {
        uint kind = device.Type switch
        {
            "c" or "u" => S_IFCHR,
            "b" => S_IFBLK,
            "p" => S_IFIFO,
            _ => throw new Oci.InvalidSpecException($"linux.devices: {device.Path}: unknown type '{device.Type}' (use c, b, u or p)"),
        };
        FsUtil.EnsureDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(target);
        uint mode = device.FileMode ?? 0x1b6;
        Tracing.Trace.Step($"mknod {device.Path} {device.Type} {device.Major}:{device.Minor} mode {Convert.ToString(mode & 0xfff, 8)}");
        Sys.Check(Libc.mknod(target, kind | (mode & 0xfff), MakeDev(device.Major, device.Minor)), $"mknod {device.Path}");
        Sys.Check(Libc.chmod(target, mode & 0xfff), $"chmod {device.Path}");
        Sys.Check(Libc.chown(target, device.Uid ?? 0, device.Gid ?? 0), $"chown {device.Path}");
    }

    /// <summary>In a user namespace mknod is not allowed: bind the host's node instead (as runc does).</summary>
    private static void BindFromHost(Device device, string target)
    {
        FsUtil.EnsureFile(target);
        Sys.Mount(device.Path, target, "bind", MS_BIND, null, $"bind host {device.Path} (no mknod in a user namespace)");
    }

    private static void CreateLinks(string rootfs)
    {
        FsUtil.ForceSymlink("/proc/self/fd", rootfs + "/dev/fd");
        FsUtil.ForceSymlink("/proc/self/fd/0", rootfs + "/dev/stdin");
        FsUtil.ForceSymlink("/proc/self/fd/1", rootfs + "/dev/stdout");
        FsUtil.ForceSymlink("/proc/self/fd/2", rootfs + "/dev/stderr");
        if (Directory.Exists(rootfs + "/dev/pts"))
        {
            FsUtil.ForceSymlink("pts/ptmx", rootfs + "/dev/ptmx");
        }
    }
}
