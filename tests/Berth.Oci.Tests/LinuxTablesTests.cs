using Berth.Oci.Linux;

namespace Berth.Oci.Tests;

public class LinuxTablesTests
{
    [Theory]
    [InlineData("CAP_CHOWN", 0)]
    [InlineData("CAP_KILL", 5)]
    [InlineData("CAP_NET_BIND_SERVICE", 10)]
    [InlineData("CAP_SYS_ADMIN", 21)]
    [InlineData("CAP_AUDIT_WRITE", 29)]
    [InlineData("CAP_AUDIT_READ", 37)]
    [InlineData("CAP_PERFMON", 38)]
    [InlineData("CAP_BPF", 39)]
    [InlineData("CAP_CHECKPOINT_RESTORE", 40)]
    public void Capability_numbers(string name, int number)
    {
        Assert.True(CapabilityNames.TryGetNumber(name, out int n));
        Assert.Equal(number, n);
        Assert.Equal(name, CapabilityNames.NameOf(number));
    }

    [Fact]
    public void There_are_41_capabilities_numbered_in_order()
    {
        Assert.Equal(41, CapabilityNames.All.Count);
        Assert.Equal(CapabilityNames.Last, CapabilityNames.All.Count - 1);
        for (int i = 0; i < CapabilityNames.All.Count; i++)
        {
            Assert.True(CapabilityNames.TryGetNumber(CapabilityNames.All[i], out int n));
            Assert.Equal(i, n);
        }
    }

    [Theory]
    [InlineData("CAP_FOO")]
    [InlineData("cap_kill")]
    [InlineData("KILL")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_capabilities(string? name)
    {
        Assert.False(CapabilityNames.TryGetNumber(name, out _));
        Assert.False(CapabilityNames.IsKnown(name));
    }

    [Fact]
    public void A_capability_newer_than_the_table_is_named_by_number() =>
        Assert.Equal("capability 41", CapabilityNames.NameOf(41));

    [Theory]
    [InlineData("RLIMIT_CPU", 0)]
    [InlineData("RLIMIT_FSIZE", 1)]
    [InlineData("RLIMIT_CORE", 4)]
    [InlineData("RLIMIT_NPROC", 6)]
    [InlineData("RLIMIT_NOFILE", 7)]
    [InlineData("RLIMIT_MEMLOCK", 8)]
    [InlineData("RLIMIT_AS", 9)]
    [InlineData("RLIMIT_RTTIME", 15)]
    public void Rlimit_resources(string name, int resource)
    {
        Assert.True(RlimitNames.TryGetResource(name, out int r));
        Assert.Equal(resource, r);
        Assert.Equal(name, RlimitNames.NameOf(resource));
    }

    [Fact]
    public void There_are_16_rlimits()
    {
        Assert.Equal(16, RlimitNames.All.Count);
        Assert.False(RlimitNames.TryGetResource("RLIMIT_FOO", out _));
        Assert.False(RlimitNames.IsKnown(null));
    }

    [Theory]
    [InlineData("mount", 0x00020000u, "mnt")]
    [InlineData("uts", 0x04000000u, "uts")]
    [InlineData("ipc", 0x08000000u, "ipc")]
    [InlineData("user", 0x10000000u, "user")]
    [InlineData("pid", 0x20000000u, "pid")]
    [InlineData("network", 0x40000000u, "net")]
    [InlineData("cgroup", 0x02000000u, "cgroup")]
    [InlineData("time", 0x00000080u, "time")]
    public void Namespace_types(string name, uint flag, string procFile)
    {
        Assert.True(NamespaceTypes.TryGet(name, out var type));
        Assert.Equal(new NamespaceType(name, flag, procFile), type);
        Assert.Equal(flag, NamespaceTypes.CloneFlagOf(name));
        Assert.Equal(procFile, NamespaceTypes.ProcFileNameOf(name));
        Assert.Equal(name, NamespaceTypes.NameOf(flag));
    }

    [Fact]
    public void Namespace_names_are_sorted()
    {
        Assert.Equal(["cgroup", "ipc", "mount", "network", "pid", "time", "user", "uts"], NamespaceTypes.Names);
        Assert.Equal(8, NamespaceTypes.All.Select(t => t.CloneFlag).Distinct().Count());
    }

    [Fact]
    public void An_unknown_namespace_is_an_invalid_spec()
    {
        Assert.False(NamespaceTypes.IsKnown("net"));
        var e = Assert.Throws<InvalidSpecException>(() => NamespaceTypes.CloneFlagOf("net"));
        Assert.Equal("unknown namespace 'net' (known: cgroup, ipc, mount, network, pid, time, user, uts)", e.Message);
    }

    [Theory]
    [InlineData("private", MountSyscallFlags.MS_PRIVATE)]
    [InlineData("rprivate", MountSyscallFlags.MS_PRIVATE | MountSyscallFlags.MS_REC)]
    [InlineData("slave", MountSyscallFlags.MS_SLAVE)]
    [InlineData("rslave", MountSyscallFlags.MS_SLAVE | MountSyscallFlags.MS_REC)]
    [InlineData("shared", MountSyscallFlags.MS_SHARED)]
    [InlineData("rshared", MountSyscallFlags.MS_SHARED | MountSyscallFlags.MS_REC)]
    [InlineData("unbindable", MountSyscallFlags.MS_UNBINDABLE)]
    [InlineData("runbindable", MountSyscallFlags.MS_UNBINDABLE | MountSyscallFlags.MS_REC)]
    public void Rootfs_propagation_flags(string value, ulong flags) => Assert.Equal(flags, RootfsPropagation.ToFlags(value));

    [Theory]
    [InlineData("rbind")]
    [InlineData("ro")]
    [InlineData("Private")]
    public void Rootfs_propagation_refuses_other_words(string value)
    {
        var e = Assert.Throws<InvalidSpecException>(() => RootfsPropagation.ToFlags(value));
        Assert.StartsWith($"linux.rootfsPropagation: unknown propagation '{value}'", e.Message);
    }

    [Fact]
    public void Mount_flag_values_match_the_kernel()
    {
        Assert.Equal(1ul << 21, MountSyscallFlags.MS_RELATIME);
        Assert.Equal(1ul << 24, MountSyscallFlags.MS_STRICTATIME);
        Assert.Equal(1ul << 25, MountSyscallFlags.MS_LAZYTIME);
        Assert.Equal(16384ul, MountSyscallFlags.MS_REC);
        Assert.Equal(0x70ul, MountAttributes.MOUNT_ATTR__ATIME);
    }
}
