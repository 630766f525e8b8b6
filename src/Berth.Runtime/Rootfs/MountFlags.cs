namespace Berth.Runtime.Rootfs;

/// <summary>mount(2) flags used by the runtime itself (the spec's option words are parsed by Berth.Oci's MountOptions).</summary>
internal static class MountFlags
{
    internal const ulong MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_REMOUNT = 32;
    internal const ulong MS_BIND = 4096, MS_MOVE = 8192, MS_REC = 16384;
    internal const ulong MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20;

    /// <summary>"nosuid,nodev,noexec" style words for traces.</summary>
    internal static string Describe(ulong flags)
    {
        var words = new List<string>();
        if ((flags & MS_RDONLY) != 0) words.Add("ro");
        if ((flags & MS_NOSUID) != 0) words.Add("nosuid");
        if ((flags & MS_NODEV) != 0) words.Add("nodev");
        if ((flags & MS_NOEXEC) != 0) words.Add("noexec");
        if ((flags & MS_REMOUNT) != 0) words.Add("remount");
        if ((flags & MS_BIND) != 0) words.Add((flags & MS_REC) != 0 ? "rbind" : "bind");
        if ((flags & MS_MOVE) != 0) words.Add("move");
        if ((flags & MS_PRIVATE) != 0) words.Add("private");
        if ((flags & MS_SLAVE) != 0) words.Add("slave");
        if ((flags & MS_SHARED) != 0) words.Add("shared");
        if ((flags & MS_UNBINDABLE) != 0) words.Add("unbindable");
        if ((flags & MS_REC) != 0 && (flags & MS_BIND) == 0) words.Add("recursive");
        return string.Join(',', words);
    }
}
