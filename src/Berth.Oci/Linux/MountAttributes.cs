namespace Berth.Oci.Linux;

/// <summary>The mount_setattr(2) MOUNT_ATTR_* values, used by the recursive options (rro, rnosuid, …).</summary>
public static class MountAttributes
{
    public const ulong MOUNT_ATTR_RDONLY = 0x00000001;
    public const ulong MOUNT_ATTR_NOSUID = 0x00000002;
    public const ulong MOUNT_ATTR_NODEV = 0x00000004;
    public const ulong MOUNT_ATTR_NOEXEC = 0x00000008;
    public const ulong MOUNT_ATTR__ATIME = 0x00000070;
    public const ulong MOUNT_ATTR_RELATIME = 0x00000000;
    public const ulong MOUNT_ATTR_NOATIME = 0x00000010;
    public const ulong MOUNT_ATTR_STRICTATIME = 0x00000020;
    public const ulong MOUNT_ATTR_NODIRATIME = 0x00000080;
    public const ulong MOUNT_ATTR_IDMAP = 0x00100000;
    public const ulong MOUNT_ATTR_NOSYMFOLLOW = 0x00200000;
}
