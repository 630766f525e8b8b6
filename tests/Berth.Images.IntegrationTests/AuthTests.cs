using static Berth.Images.IntegrationTests.ProcessRunner;

namespace Berth.Images.IntegrationTests;

/// <summary>Basic (htpasswd) and Bearer (token server) authentication against the real registry, through `berth login`.</summary>
[Collection(FixtureCollection.Name)]
public sealed class AuthTests(BusyboxImage fixture) : IDisposable
{
    private readonly TempRoot _root = new();
    private Dictionary<string, string> Env => new() { ["REGISTRY_AUTH_FILE"] = Path.Combine(_root.Path, "auth.json") };

    public void Dispose() => _root.Dispose();

    [RegistryFact]
    public void Htpasswd_basic_auth_login_pull_logout()
    {
        using var registry = LocalRegistry.StartWithHtpasswd("alice", "wonderland");
        registry.Push(fixture.Single, "latest", "busybox:1.0", "alice:wonderland");
        ExpectLoginFlow(registry.Host, "alice", "wonderland");
    }

    [RegistryFact]
    public void Token_auth_login_pull_logout()
    {
        using var tokens = new TokenServer("bob", "builder");
        using var registry = LocalRegistry.StartWithTokenServer(tokens);
        registry.Push(fixture.Single, "latest", "busybox:1.0", "bob:builder");
        int before = tokens.Issued;
        ExpectLoginFlow(registry.Host, "bob", "builder");
        Assert.True(tokens.Issued > before, "berth never asked the token server");
    }

    private void ExpectLoginFlow(string host, string user, string password)
    {
        string image = $"{host}/busybox:1.0";
        var anonymous = RunBerth(_root.Path, Env, "pull", image);
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("unauthorized", anonymous.Stderr);
        Assert.Contains($"berth login {host}", anonymous.Stderr);

        var wrong = RunBerth(_root.Path, Env, "login", "-u", user, "-p", "wrong", host);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("wrong username or password", wrong.Stderr);
        Assert.False(File.Exists(Env["REGISTRY_AUTH_FILE"]));

        var login = Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "berth.dll"), "--root", _root.Path, "login", "-u", user, "--password-stdin", host], Env, password + "\n");
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains(host, File.ReadAllText(Env["REGISTRY_AUTH_FILE"]));
        var pull = RunBerth(_root.Path, Env, "pull", image);
        Assert.True(pull.ExitCode == 0, pull.ToString());

        Assert.Contains($"Removing login credentials for {host}", RunBerth(_root.Path, Env, "logout", host).Stdout);
        Assert.Equal(1, RunBerth(_root.Path, Env, "rmi", "nothing:here").ExitCode);
    }
}
