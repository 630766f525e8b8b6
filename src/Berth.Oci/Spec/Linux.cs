namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux".</summary>
public sealed class Linux
{
    public List<Namespace>? Namespaces { get; set; }
    public List<IdMapping>? UidMappings { get; set; }
    public List<IdMapping>? GidMappings { get; set; }
    public Dictionary<string, TimeOffset>? TimeOffsets { get; set; }
    public List<Device>? Devices { get; set; }
    public string? CgroupsPath { get; set; }
    public Resources? Resources { get; set; }
    public IntelRdt? IntelRdt { get; set; }
    public Dictionary<string, string>? Sysctl { get; set; }
    public Seccomp? Seccomp { get; set; }
    public string? RootfsPropagation { get; set; }
    public List<string>? MaskedPaths { get; set; }
    public List<string>? ReadonlyPaths { get; set; }
    public string? MountLabel { get; set; }
    public Personality? Personality { get; set; }
}

public sealed class Namespace
{
    public string Type { get; set; } = "";
    public string? Path { get; set; }
}

public sealed class IdMapping
{
    public uint ContainerID { get; set; }
    public uint HostID { get; set; }
    public uint Size { get; set; }
}

public sealed class TimeOffset
{
    public long Secs { get; set; }
    public uint Nanosecs { get; set; }
}

public sealed class Device
{
    public string Type { get; set; } = "";
    public string Path { get; set; } = "";
    public long Major { get; set; }
    public long Minor { get; set; }
    public uint? FileMode { get; set; }
    public uint? Uid { get; set; }
    public uint? Gid { get; set; }
}

public sealed class IntelRdt
{
    public string? ClosID { get; set; }
    public string? L3CacheSchema { get; set; }
    public string? MemBwSchema { get; set; }
}

public sealed class Personality
{
    public string Domain { get; set; } = "";
    public List<string>? Flags { get; set; }
}

public sealed class Seccomp
{
    public string DefaultAction { get; set; } = "";
    public uint? DefaultErrnoRet { get; set; }
    public List<string>? Architectures { get; set; }
    public List<string>? Flags { get; set; }
    public string? ListenerPath { get; set; }
    public string? ListenerMetadata { get; set; }
    public List<SeccompSyscall>? Syscalls { get; set; }
}

public sealed class SeccompSyscall
{
    public List<string> Names { get; set; } = new();
    public string Action { get; set; } = "";
    public uint? ErrnoRet { get; set; }
    public List<SeccompArg>? Args { get; set; }
}

public sealed class SeccompArg
{
    public uint Index { get; set; }
    public ulong Value { get; set; }
    public ulong ValueTwo { get; set; }
    public string Op { get; set; } = "";
}
