using Berth.Engine.Specs;

namespace Berth.Engine.Tests;

public class UserDatabaseTests
{
    private static readonly UserDatabase Db = new(
        "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nalice:x:1000:1000::/home/alice:/bin/sh\n",
        "root:x:0:\ndaemon:x:1:\nalice:x:1000:\nwheel:x:10:alice,bob\naudio:x:29:alice\n");

    [Fact]
    public void NameGivesUidPrimaryGroupSupplementaryGroupsAndHome()
    {
        var (user, home) = Db.Resolve("alice");
        Assert.Equal((1000u, 1000u), (user.Uid, user.Gid));
        Assert.Equal([10u, 29u], user.AdditionalGids!);
        Assert.Equal("/home/alice", home);
    }

    [Fact]
    public void NumericUidFoundInPasswdTakesItsGroup() => Assert.Equal(1u, Db.Resolve("1").User.Gid);

    [Fact]
    public void NumericUidNotInPasswdHasGroupZero()
    {
        var (user, home) = Db.Resolve("4242");
        Assert.Equal((4242u, 0u), (user.Uid, user.Gid));
        Assert.Equal("/", home);
    }

    [Theory]
    [InlineData("alice:wheel", 1000u, 10u)]
    [InlineData("daemon:29", 1u, 29u)]
    [InlineData("5:6", 5u, 6u)]
    public void ExplicitGroup(string spec, uint uid, uint gid)
    {
        var (user, _) = Db.Resolve(spec);
        Assert.Equal((uid, gid), (user.Uid, user.Gid));
        Assert.Null(user.AdditionalGids);
    }

    [Fact]
    public void EmptyMeansRoot() => Assert.Equal(0u, Db.Resolve("").User.Uid);

    [Fact]
    public void UnknownNamesAreClearErrors()
    {
        Assert.Contains("unable to find user nobody2", Assert.Throws<InvalidOptionException>(() => Db.Resolve("nobody2")).Message);
        Assert.Contains("unable to find group nogroup", Assert.Throws<InvalidOptionException>(() => Db.Resolve("alice:nogroup")).Message);
    }

    [Fact]
    public void MissingFilesStillAllowNumericIds()
    {
        Assert.Equal(7u, UserDatabase.Empty.Resolve("7:8").User.Uid);
        Assert.Throws<InvalidOptionException>(() => UserDatabase.Empty.Resolve("root"));
    }
}
