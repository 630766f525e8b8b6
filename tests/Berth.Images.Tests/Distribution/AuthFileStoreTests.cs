using System.Text.Json.Nodes;
using Berth.Images.Distribution;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Distribution;

public class AuthFileStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Save_lookup_remove_and_keep_other_keys()
    {
        string file = Path.Combine(_dir.Path, "config.json");
        File.WriteAllText(file, "{\"credHelpers\":{\"gcr.io\":\"gcloud\"},\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"dTpw\"}}}");
        var store = new AuthFileStore([file]);
        Assert.Equal(new RegistryCredential("u", "p"), store.Lookup("docker.io"));
        Assert.Equal(new RegistryCredential("u", "p"), store.Lookup("registry-1.docker.io"));
        store.Save("127.0.0.1:5000", new RegistryCredential("alice", "pa:ss"));
        Assert.Equal(new RegistryCredential("alice", "pa:ss"), new AuthFileStore([file]).Lookup("127.0.0.1:5000"));
        Assert.Equal("gcloud", JsonNode.Parse(File.ReadAllText(file))!["credHelpers"]!["gcr.io"]!.GetValue<string>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(store.Remove("127.0.0.1:5000"));
        Assert.False(store.Remove("127.0.0.1:5000"));
        Assert.Null(store.Lookup("127.0.0.1:5000"));
    }

    [Fact]
    public void First_file_wins_and_bad_base64_is_explained()
    {
        string a = Path.Combine(_dir.Path, "a.json"), b = Path.Combine(_dir.Path, "b.json");
        File.WriteAllText(b, "{\"auths\":{\"reg:1\":{\"auth\":\"%%%\"}}}");
        var store = new AuthFileStore([a, b]);
        Assert.Contains("not base64", Assert.Throws<RegistryException>(() => store.Lookup("reg:1")).Message);
        store.Save("reg:1", new RegistryCredential("x", "y"));
        Assert.Equal("x", store.Lookup("reg:1")!.Username);
    }
}
