using Berth.Oci.Linux;
using static Berth.Oci.Linux.MountAttributes;
using static Berth.Oci.Linux.MountSyscallFlags;

namespace Berth.Oci.Tests;

public class MountOptionsTests
{
    [Fact]
    public void Ro_nosuid_nodev_noexec_set_flags()
    {
        var o = MountOptions.Parse(["ro", "nosuid", "nodev", "noexec"]);

        Assert.Equal(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, o.Flags);
        Assert.Equal(0ul, o.ClearedFlags);
        Assert.Equal("", o.Data);
        Assert.False(o.IsBind);
        Assert.True(o.IsReadOnly);
    }

    [Fact]
    public void Rbind_rprivate_is_a_recursive_bind_with_private_propagation()
    {
        var o = MountOptions.Parse(["rbind", "rprivate"]);

        Assert.True(o.IsBind);
        Assert.True(o.IsRecursive);
        Assert.Equal(MS_BIND | MS_REC, o.Flags);
        Assert.Equal(MS_PRIVATE | MS_REC, o.PropagationFlags);
        Assert.Equal([MS_PRIVATE | MS_REC], o.Propagations);
    }

    [Fact]
    public void Bind_is_not_recursive()
    {
        var o = MountOptions.Parse(["bind", "ro"]);

        Assert.True(o.IsBind);
        Assert.False(o.IsRecursive);
    }

    [Fact]
    public void Unknown_options_become_filesystem_data_in_order()
    {
        var o = MountOptions.Parse(["nosuid", "strictatime", "mode=755", "size=65536k"]);

        Assert.Equal(MS_NOSUID | MS_STRICTATIME, o.Flags);
        Assert.Equal("mode=755,size=65536k", o.Data);
    }

    [Fact]
    public void Devpts_options()
    {
        var o = MountOptions.Parse(["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]);

        Assert.Equal(MS_NOSUID | MS_NOEXEC, o.Flags);
        Assert.Equal("newinstance,ptmxmode=0666,mode=0620,gid=5", o.Data);
    }

    [Fact]
    public void Rw_clears_an_earlier_ro()
    {
        var o = MountOptions.Parse(["ro", "rw"]);

        Assert.Equal(0ul, o.Flags);
        Assert.Equal(MS_RDONLY, o.ClearedFlags);
        Assert.False(o.IsReadOnly);
    }

    [Fact]
    public void Ro_after_rw_sets_it_again_and_forgets_the_clear()
    {
        var o = MountOptions.Parse(["rw", "ro"]);

        Assert.Equal(MS_RDONLY, o.Flags);
        Assert.Equal(0ul, o.ClearedFlags);
    }

    [Theory]
    [InlineData("suid", "nosuid", MS_NOSUID)]
    [InlineData("dev", "nodev", MS_NODEV)]
    [InlineData("exec", "noexec", MS_NOEXEC)]
    [InlineData("atime", "noatime", MS_NOATIME)]
    [InlineData("diratime", "nodiratime", MS_NODIRATIME)]
    [InlineData("norelatime", "relatime", MS_RELATIME)]
    [InlineData("nostrictatime", "strictatime", MS_STRICTATIME)]
    [InlineData("async", "sync", MS_SYNCHRONOUS)]
    [InlineData("loud", "silent", MS_SILENT)]
    [InlineData("nolazytime", "lazytime", MS_LAZYTIME)]
    [InlineData("nomand", "mand", MS_MANDLOCK)]
    [InlineData("noiversion", "iversion", MS_I_VERSION)]
    [InlineData("symfollow", "nosymfollow", MS_NOSYMFOLLOW)]
    public void Negative_options_clear_what_the_positive_one_set(string clearing, string setting, ulong flag)
    {
        Assert.Equal(flag, MountOptions.Parse([setting]).Flags);

        var o = MountOptions.Parse([setting, clearing]);

        Assert.Equal(0ul, o.Flags);
        Assert.Equal(flag, o.ClearedFlags);
        Assert.Equal("", o.Data);
    }

    [Theory]
    [InlineData("dirsync", MS_DIRSYNC)]
    [InlineData("remount", MS_REMOUNT)]
    [InlineData("relatime", MS_RELATIME)]
    public void Other_flags(string option, ulong flag) => Assert.Equal(flag, MountOptions.Parse([option]).Flags);

    [Fact]
    public void Defaults_is_understood_and_does_nothing()
    {
        var o = MountOptions.Parse(["defaults"]);

        Assert.Equal(0ul, o.Flags);
        Assert.Equal("", o.Data);
    }

    [Theory]
    [InlineData("shared", MS_SHARED)]
    [InlineData("rshared", MS_SHARED | MS_REC)]
    [InlineData("slave", MS_SLAVE)]
    [InlineData("rslave", MS_SLAVE | MS_REC)]
    [InlineData("private", MS_PRIVATE)]
    [InlineData("rprivate", MS_PRIVATE | MS_REC)]
    [InlineData("unbindable", MS_UNBINDABLE)]
    [InlineData("runbindable", MS_UNBINDABLE | MS_REC)]
    public void Propagation_options(string option, ulong flags)
    {
        var o = MountOptions.Parse([option]);

        Assert.Equal(flags, o.PropagationFlags);
        Assert.Equal(0ul, o.Flags);
    }

    [Fact]
    public void Several_propagation_options_are_kept_in_order()
    {
        var o = MountOptions.Parse(["shared", "rslave"]);

        Assert.Equal([MS_SHARED, MS_SLAVE | MS_REC], o.Propagations);
        Assert.Equal(MS_SHARED | MS_SLAVE | MS_REC, o.PropagationFlags);
    }

    [Fact]
    public void Recursive_attributes_go_to_mount_setattr_not_mount()
    {
        var o = MountOptions.Parse(["rbind", "rro", "rnosuid", "rnodev"]);

        Assert.Equal(MS_BIND | MS_REC, o.Flags);
        Assert.Equal(MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, o.RecursiveAttrSet);
        Assert.Equal(0ul, o.RecursiveAttrClear);
        Assert.True(o.HasRecursiveAttributes);
    }

    [Fact]
    public void A_recursive_clear_undoes_a_recursive_set()
    {
        var o = MountOptions.Parse(["rro", "rrw"]);

        Assert.Equal(0ul, o.RecursiveAttrSet);
        Assert.Equal(MOUNT_ATTR_RDONLY, o.RecursiveAttrClear);
    }

    [Theory]
    [InlineData("rnoatime", MOUNT_ATTR_NOATIME)]
    [InlineData("rstrictatime", MOUNT_ATTR_STRICTATIME)]
    [InlineData("rrelatime", MOUNT_ATTR_RELATIME)]
    public void A_recursive_atime_mode_also_clears_the_atime_field(string option, ulong attr)
    {
        var o = MountOptions.Parse([option]);

        Assert.Equal(attr, o.RecursiveAttrSet);
        Assert.Equal(MOUNT_ATTR__ATIME, o.RecursiveAttrClear);
    }

    [Fact]
    public void Extensions_and_idmap()
    {
        Assert.True(MountOptions.Parse(["tmpcopyup"]).TmpCopyUp);
        var idmap = MountOptions.Parse(["bind", "idmap"]);
        Assert.True(idmap.IdMap);
        Assert.False(idmap.IdMapRecursive);
        Assert.True(MountOptions.Parse(["rbind", "ridmap"]).IdMapRecursive);
        Assert.Equal("", idmap.Data);
    }

    [Fact]
    public void Null_or_empty_options_give_nothing()
    {
        var none = MountOptions.Parse(null);
        var empty = MountOptions.Parse(["", "ro"]);

        Assert.Equal((0ul, 0ul, ""), (none.Flags, none.PropagationFlags, none.Data));
        Assert.Empty(none.Propagations);
        Assert.Equal(("", MS_RDONLY), (empty.Data, empty.Flags));
    }

    [Fact]
    public void Known_lists_every_table_word_sorted_and_no_data()
    {
        var known = MountOptions.Known;

        Assert.Equal(known.Order(StringComparer.Ordinal), known);
        Assert.Equal(known.Count, known.Distinct().Count());
        Assert.Contains("rro", known);
        Assert.Contains("tmpcopyup", known);
        Assert.Contains("defaults", known);
        Assert.DoesNotContain("mode=755", known);
        Assert.All(known, word => Assert.Equal("", MountOptions.Parse([word]).Data));
    }

    [Fact]
    public void Known_covers_the_runtime_spec_features_example()
    {
        string[] example =
        [
            "async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec", "iversion", "lazytime", "loud",
            "mand", "noatime", "nodev", "nodiratime", "noexec", "noiversion", "nolazytime", "nomand", "norelatime",
            "nostrictatime", "nosuid", "nosymfollow", "private", "ratime", "rbind", "rdev", "rdiratime", "relatime",
            "remount", "rexec", "rnoatime", "rnodev", "rnodiratime", "rnoexec", "rnorelatime", "rnostrictatime",
            "rnosuid", "rnosymfollow", "ro", "rprivate", "rrelatime", "rro", "rrw", "rshared", "rslave",
            "rstrictatime", "rsuid", "rsymfollow", "runbindable", "rw", "shared", "silent", "slave", "strictatime",
            "suid", "symfollow", "sync", "tmpcopyup", "unbindable",
        ];

        Assert.Empty(example.Except(MountOptions.Known));
    }
}
