using Berth.Oci.Spec;

namespace Berth.Engine.Containers;

/// <summary>
/// The host's device nodes for --privileged, as moby's oci.HostDevices (containerd pkg/oci getDevices) lists
/// them: every character and block device under /dev, recursively, except the directories pts, shm, fd,
/// mqueue, .lxc, .lxd-mounts and .udev and the file console (the container gets its own).
/// </summary>
internal static class HostDevices
{
    private static readonly HashSet<string> SkippedDirectories = ["pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev"];
    private const uint S_IFMT = 0xF000, S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFDIR = 0x4000;

    public static List<Device> List(string root = "/dev")
    {
        var devices = new List<Device>();
        Walk(root, root, devices);
        return devices;
    }

    private static void Walk(string root, string directory, List<Device> devices)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string path in entries)
        {
            string name = Path.GetFileName(path);
            if (Interop.Stat.Lstat(path) is not { } st) continue;
            uint type = st.Mode & S_IFMT;
            if (type == S_IFDIR)
            {
                if (!SkippedDirectories.Contains(name)) Walk(root, path, devices);
                continue;
            }
            if (type is not (S_IFCHR or S_IFBLK) || (directory == root && name == "console")) continue;
            devices.Add(new Device
            {
                Type = type == S_IFCHR ? "c" : "b", Path = path, Major = st.Major, Minor = st.Minor,
                FileMode = st.Mode & 0xFFF, Uid = st.Uid, Gid = st.Gid,
            });
        }
    }
}
