using Berth.Runtime.Process;

namespace Berth.Runtime.Tests.Process;

public class ExecutableLookupTests
{
    private static readonly HashSet<string> Present = ["/bin/sh", "/usr/local/bin/tool"];

    [Fact]
    public void Searches_the_containers_PATH_in_order()
    {
        Assert.Equal("/usr/local/bin/tool", ExecutableLookup.Find("tool", ["PATH=/usr/local/bin:/bin"], "/", Present.Contains));
        Assert.Equal("/bin/sh", ExecutableLookup.Find("sh", ["PATH=/usr/local/bin:/bin"], "/", Present.Contains));
    }

    [Fact]
    public void Uses_the_default_PATH_when_the_env_has_none()
    {
        Assert.Equal("/bin/sh", ExecutableLookup.Find("sh", [], "/", Present.Contains));
    }

    [Fact]
    public void A_path_with_a_slash_is_taken_as_is_relative_to_cwd()
    {
        Assert.Equal("/bin/sh", ExecutableLookup.Find("/bin/sh", null, "/", Present.Contains));
        Assert.Equal("/usr/local/bin/tool", ExecutableLookup.Find("./tool", null, "/usr/local/bin", p => Present.Contains(Path.GetFullPath(p))) is var r ? Path.GetFullPath(r) : "");
    }

    [Fact]
    public void A_missing_program_names_itself_and_the_PATH()
    {
        var e = Assert.Throws<Oci.BerthException>(() => ExecutableLookup.Find("nope", ["PATH=/bin"], "/", Present.Contains));
        Assert.Contains("\"nope\"", e.Message);
        Assert.Contains("/bin", e.Message);
    }

    [Fact]
    public void A_file_that_exists_but_cannot_be_run_is_permission_denied_not_missing()
    {
        var denied = Assert.Throws<Oci.BerthException>(() => ExecutableLookup.Find("/etc/passwd", null, "/", Present.Contains, p => p == "/etc/passwd"));
        Assert.Contains("permission denied", denied.Message);
        var missing = Assert.Throws<Oci.BerthException>(() => ExecutableLookup.Find("/no/such", null, "/", Present.Contains, _ => false));
        Assert.Contains("no such file", missing.Message);
    }
}
