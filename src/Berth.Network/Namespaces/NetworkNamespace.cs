using Berth.Network.Interop;

namespace Berth.Network.Namespaces;

/// <summary>
/// A named network namespace: a file (RUNROOT/netns/ID) with the namespace bind-mounted on it, as `ip netns add`
/// makes one. It is created on a dedicated thread that unshares CLONE_NEWNET for itself (a .NET process is
/// multithreaded, and only the calling thread moves) and bind-mounts /proc/thread-self/ns/net onto the file; the
/// thread then ends and the mount keeps the namespace alive until <see cref="Remove"/> unmounts it.
/// </summary>
public static class NetworkNamespace
{
    public static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (File.Create(path))
        {
        }
        string? error = null;
        var thread = new Thread(() => error = UnshareAndBind(path)) { IsBackground = true, Name = "netns" };
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            File.Delete(path);
            throw new NetworkException($"creating the network namespace {path} failed: {error}");
        }
    }

    private static string? UnshareAndBind(string path)
    {
        if (Netns.unshare(Netns.CLONE_NEWNET) != 0) return "unshare(CLONE_NEWNET): " + Netns.Describe(Netns.Errno);
        if (Netns.mount("/proc/thread-self/ns/net", path, null, Netns.MS_BIND, null) != 0) return "bind-mount /proc/thread-self/ns/net: " + Netns.Describe(Netns.Errno);
        return null;
    }

    /// <summary>Whether a namespace is mounted on the path (an nsfs mount in this mount namespace).</summary>
    public static bool IsMounted(string path) =>
        File.Exists("/proc/self/mountinfo") && File.ReadLines("/proc/self/mountinfo").Any(l => l.Split(' ') is { Length: > 4 } f && f[4] == path);

    /// <summary>Unmounts (lazily: a process may still be inside) and deletes the file; nothing there is fine.</summary>
    public static void Remove(string path)
    {
        while (IsMounted(path))
        {
            if (Netns.umount2(path, Netns.MNT_DETACH) != 0)
            {
                int errno = Netns.Errno;
                if (errno is Netns.EINVAL or Netns.ENOENT) break;
                throw new NetworkException($"unmounting the network namespace {path} failed: {Netns.Describe(errno)}");
            }
        }
        if (File.Exists(path)) File.Delete(path);
    }
}
