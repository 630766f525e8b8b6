namespace Berth.Storage.FileSystem;

/// <summary>glibc's makedev(3): the dev_t layout Linux uses for (major, minor).</summary>
internal static class DeviceNumber
{
    public static ulong Make(uint major, uint minor) =>
        (((ulong)major & 0xfffff000) << 32) | (((ulong)major & 0xfff) << 8)
        | (((ulong)minor & 0xffffff00) << 12) | ((ulong)minor & 0xff);
}
