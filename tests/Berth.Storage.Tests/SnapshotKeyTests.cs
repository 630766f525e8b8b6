using Berth.Storage.Snapshots;

namespace Berth.Storage.Tests;

public class SnapshotKeyTests
{
    [Theory]
    [InlineData("abc123")]
    [InlineData("my_container.1-2")]
    public void Accepts_ids_and_names(string key) => SnapshotKey.Validate(key);

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a,b")]
    [InlineData("a:b")]
    [InlineData(".hidden")]
    public void Refuses_what_cannot_be_a_directory_name_in_mount_options(string key)
    {
        Assert.Throws<StorageException>(() => SnapshotKey.Validate(key));
    }
}
