namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.user" (POSIX uid/gid, umask, additional groups).</summary>
public sealed class User
{
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public uint? Umask { get; set; }
    public List<uint>? AdditionalGids { get; set; }
    public string? Username { get; set; }
}
