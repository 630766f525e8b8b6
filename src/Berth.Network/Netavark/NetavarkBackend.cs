using System.Text.Json;

namespace Berth.Network.Netavark;

/// <summary>
/// Runs netavark (Debian: /usr/lib/podman/netavark, with aardvark-dns beside it) the way podman does:
/// <c>netavark --config CONFIGDIR --aardvark-binary AARDVARK --file OPTIONS.json setup|teardown NETNS</c>.
/// CONFIGDIR is berth's own (RUNROOT/networks), so podman's aardvark state is never touched; aardvark-dns runs
/// once per CONFIGDIR and serves every DNS-enabled berth network. The runner is injected (the engine spawns
/// with posix_spawn; tests use a fake).
/// </summary>
public sealed class NetavarkBackend(string configDirectory, Func<IReadOnlyList<string>, (int ExitCode, string Stdout, string Stderr)> run)
{
    private static readonly string[] SearchPath = ["/usr/lib/podman", "/usr/libexec/podman", "/usr/local/lib/podman", "/usr/local/libexec/podman"];

    public string Netavark { get; } = Find("netavark", "BERTH_NETAVARK");
    public string Aardvark { get; } = Find("aardvark-dns", "BERTH_AARDVARK_DNS");

    /// <summary>Configures the namespace; on failure undoes what netavark made (1.4 leaves a half-made bridge/veth/rules behind) and throws.</summary>
    public Dictionary<string, StatusBlock> Setup(string netnsPath, NetworkOptions options)
    {
        var (code, stdout, stderr) = Invoke("setup", netnsPath, options);
        if (code == 0)
        {
            return JsonSerializer.Deserialize(stdout, NetavarkJsonContext.Default.DictionaryStringStatusBlock) ?? [];
        }
        Invoke("teardown", netnsPath, options);
        throw new NetworkException($"setting up the network ({string.Join(", ", options.Networks.Keys)}) failed: netavark: {Message(stdout, stderr)}");
    }

    /// <summary>Removes the veth, the firewall rules and DNS entries (and the bridge when it was the last user). Errors are returned, not thrown: teardown goes on.</summary>
    public string? Teardown(string netnsPath, NetworkOptions options)
    {
        var (code, stdout, stderr) = Invoke("teardown", netnsPath, options);
        return code == 0 ? null : Message(stdout, stderr);
    }

    private (int, string, string) Invoke(string verb, string netnsPath, NetworkOptions options)
    {
        Directory.CreateDirectory(configDirectory);
        string file = Path.Combine(configDirectory, $"{options.ContainerId}.{verb}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(options, NetavarkJsonContext.Default.NetworkOptions));
        try
        {
            if (!File.Exists(Netavark)) throw new NetworkException($"netavark not found ({Netavark}): install the netavark and aardvark-dns packages, or set BERTH_NETAVARK");
            return run([Netavark, "--config", configDirectory, "--aardvark-binary", Aardvark, "--file", file, verb, netnsPath]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Message(string stdout, string stderr)
    {
        foreach (string text in new[] { stdout, stderr })
        {
            string t = text.Trim();
            if (!t.StartsWith('{')) continue;
            try
            {
                if (JsonSerializer.Deserialize(t, NetavarkJsonContext.Default.NetavarkError)?.Error is { Length: > 0 } e) return e;
            }
            catch (JsonException)
            {
            }
        }
        string all = (stderr + " " + stdout).Trim();
        return all.Length > 0 ? all.ReplaceLineEndings(" ") : "no message";
    }

    private static string Find(string name, string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set) return set;
        return SearchPath.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) ?? Path.Combine(SearchPath[0], name);
    }
}
