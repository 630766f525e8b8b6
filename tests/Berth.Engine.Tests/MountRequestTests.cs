using Berth.Engine.Containers;
using Berth.Engine.Specs;

namespace Berth.Engine.Tests;

public class MountRequestTests
{
    [Fact]
    public void VolumesFromForms()
    {
        Assert.Equal(("web", false), ContainerEngine.ParseVolumesFrom("web"));
        Assert.Equal(("web", true), ContainerEngine.ParseVolumesFrom("web:ro"));
        Assert.Equal(("web", false), ContainerEngine.ParseVolumesFrom("web:rw"));
        foreach (string bad in (string[])["web:rx", ":ro", "web:ro:rw", "web:"])
        {
            Assert.Contains("invalid mode", Assert.Throws<InvalidOptionException>(() => ContainerEngine.ParseVolumesFrom(bad)).Message);
        }
    }

    [Fact]
    public void VolumeFlagForms()
    {
        var bind = MountRequest.ParseVolumeFlag("/host//dir:/data:ro,rshared");
        Assert.Equal(("bind", "/host/dir", "/data", true, "rshared", true), (bind.Type, bind.Source, bind.Target, bind.ReadOnly, bind.Propagation, bind.CreateHostPath));
        var named = MountRequest.ParseVolumeFlag("cache:/var/cache/");
        Assert.Equal(("volume", "cache", "/var/cache", false, false), (named.Type, named.Source, named.Target, named.ReadOnly, named.NoCopy));
        Assert.True(MountRequest.ParseVolumeFlag("cache:/c:nocopy,ro").NoCopy);
        var anonymous = MountRequest.ParseVolumeFlag("/data");
        Assert.Equal(("volume", "", "/data"), (anonymous.Type, anonymous.Source, anonymous.Target));
        Assert.Equal(Path.GetFullPath("./x"), MountRequest.ParseVolumeFlag("./x:/x").Source);
        Assert.Equal("z", MountRequest.ParseVolumeFlag("/a:/b:z").Mode);
    }

    [Theory]
    [InlineData("/a:rel", "mount path must be absolute")]
    [InlineData("rel", "mount path must be absolute")]
    [InlineData("/a:/b:bogus", "invalid mode: bogus")]
    [InlineData("/a:/b:ro:x", "invalid volume specification: '/a:/b:ro:x'")]
    [InlineData("/foo:rw", "invalid volume specification: '/foo:rw'")]
    [InlineData(":/b", "invalid volume specification")]
    [InlineData("/a:/", "destination can't be '/'")]
    [InlineData("bad name!:/x", "includes invalid characters for a local volume name")]
    [InlineData("v:/x:rshared", "propagation is only allowed for bind mounts")]
    [InlineData("/h:/x:nocopy", "invalid mode: nocopy")]
    public void BadVolumeFlags(string text, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidOptionException>(() => MountRequest.ParseVolumeFlag(text)).Message);

    [Fact]
    public void MountFlagForms()
    {
        var bind = MountRequest.ParseMountFlag("type=bind,source=/h,target=/c,readonly,bind-propagation=rslave");
        Assert.Equal(("bind", "/h", "/c", true, "rslave", false), (bind.Type, bind.Source, bind.Target, bind.ReadOnly, bind.Propagation, bind.CreateHostPath));
        var volume = MountRequest.ParseMountFlag("src=data,dst=/data,volume-nocopy,volume-label=a=b,ro=false");
        Assert.Equal(("volume", "data", "/data", false, true), (volume.Type, volume.Source, volume.Target, volume.ReadOnly, volume.NoCopy));
        Assert.Equal("b", volume.VolumeLabels["a"]);
        Assert.Equal("", MountRequest.ParseMountFlag("type=volume,target=/anon").Source);
        var tmpfs = MountRequest.ParseMountFlag("type=tmpfs,destination=/t,tmpfs-size=1m,tmpfs-mode=1770");
        Assert.Equal((1L << 20, 0x3F8u), (tmpfs.TmpfsSize!.Value, tmpfs.TmpfsMode!.Value));
        Assert.Equal("/t:size=1048576,mode=1770", ContainerEngine.TmpfsText(tmpfs));
    }

    [Theory]
    [InlineData("type=bind,source=/h", "invalid argument \"type=bind,source=/h\" for \"--mount\" flag: target is required")]
    [InlineData("type=bind,target=/c", "invalid mount config for type \"bind\": field Source must not be empty")]
    [InlineData("type=tmpfs,source=x,target=/c", "invalid mount config for type \"tmpfs\": field Source must not be specified")]
    [InlineData("type=bind,source=/h,target=/c,volume-nocopy", "cannot mix 'volume-*' options with mount type 'bind'")]
    [InlineData("type=volume,target=/c,tmpfs-size=1m", "cannot mix 'tmpfs-*' options with mount type 'volume'")]
    [InlineData("type=nfs,target=/c", "invalid mount type \"nfs\"")]
    [InlineData("type=bind,source=/h,target=c", "invalid mount config for type \"bind\": invalid mount path: 'c' mount path must be absolute")]
    [InlineData("target=/c,bogus=1", "unexpected key 'bogus' in 'bogus=1'")]
    [InlineData("target=/c,source", "invalid field 'source' must be a key=value pair")]
    [InlineData("type=tmpfs,target=/c,tmpfs-size=lots", "invalid value for tmpfs-size")]
    [InlineData("type=volume,target=/c,volume-driver=nfs", "volume driver \"nfs\" is not available")]
    public void BadMountFlags(string text, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidOptionException>(() => MountRequest.ParseMountFlag(text)).Message);

    [Fact]
    public void MissingBindSourceAndDuplicatesAreRefusedBeforeAnythingIsMade()
    {
        string missing = "/berth-test-no-such-dir-" + Guid.NewGuid().ToString("N");
        var e = Assert.Throws<InvalidOptionException>(() => ContainerEngine.ParseMounts(new CreateOptions { Mounts = [$"type=bind,source={missing},target=/x"] }));
        Assert.Equal($"invalid mount config for type \"bind\": bind source path does not exist: {missing}", e.Message);
        // -v creates a missing host directory (later, at create), as docker does: parsing accepts it.
        Assert.Single(ContainerEngine.ParseMounts(new CreateOptions { Binds = [$"{missing}:/x"] }));
        Assert.False(Directory.Exists(missing));
        Assert.Equal("Duplicate mount point: /x", Assert.Throws<InvalidOptionException>(() => ContainerEngine.ParseMounts(new CreateOptions { Binds = ["/x", "vol:/x/"] })).Message);
        Assert.Throws<InvalidOptionException>(() => ContainerEngine.ParseMounts(new CreateOptions { Binds = ["/x"], Tmpfs = ["/x"] }));
    }
}
