namespace Berth.Runtime.Interop;

/// <summary>Facts about the calling process.</summary>
public static class Host
{
    public static uint Uid => Libc.geteuid();
    public static uint Gid => Libc.getegid();
}
