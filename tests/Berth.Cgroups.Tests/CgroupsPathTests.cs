namespace Berth.Cgroups.Tests;

public sealed class CgroupsPathTests
{
    [Theory]
    [InlineData("/a/b", "a/b")]
    [InlineData("a/b", "a/b")]
    [InlineData("//a/./b/", "a/b")]
    [InlineData(null, "berth/ctr")]
    [InlineData("", "berth/ctr")]
    [InlineData(":berth:ctr", "system.slice/berth-ctr.scope")]
    [InlineData("machine.slice:libpod:abc", "machine.slice/libpod-abc.scope")]
    [InlineData("user-1000.slice:podman:abc", "user.slice/user-1000.slice/podman-abc.scope")]
    [InlineData("-.slice::abc", "abc.scope")]
    [InlineData("system.slice:x:child.slice", "system.slice/child.slice")]
    public void Resolves_to_a_path_under_the_hierarchy_root(string? cgroupsPath, string expected) =>
        Assert.Equal(expected, CgroupsPath.Resolve(cgroupsPath, "ctr"));

    [Theory]
    [InlineData("/a/../b")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("./.")]
    [InlineData("a.slice:x:..")]
    [InlineData("notaslice:x:y")]
    [InlineData("a--b.slice:x:y")]
    [InlineData("system.slice:x:")]
    public void Refuses_paths_that_escape_or_name_nothing_naming_the_field(string cgroupsPath)
    {
        var error = Assert.Throws<CgroupException>(() => CgroupsPath.Resolve(cgroupsPath, "ctr"));
        Assert.StartsWith("linux.cgroupsPath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Refuses_a_container_id_that_is_not_a_plain_name_when_the_path_is_empty(string id) =>
        Assert.Throws<CgroupException>(() => CgroupsPath.Resolve(null, id));
}
