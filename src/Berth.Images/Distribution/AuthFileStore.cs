using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Images.Distribution;

/// <summary>
/// Credentials in the format of Docker's <c>~/.docker/config.json</c> and podman's <c>auth.json</c>:
/// <c>{"auths": {"registry.example:5000": {"auth": base64("user:password")}}}</c>. Docker Hub is stored
/// under <c>https://index.docker.io/v1/</c>. Reading looks at <c>$REGISTRY_AUTH_FILE</c> first, then
/// <c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>; writing goes to the first of those.
/// Other keys of the file (credHelpers, proxies...) are kept as they are. The file is written mode 0600.
/// </summary>
public sealed class AuthFileStore
{
    private const string DockerHubKey = "https://index.docker.io/v1/";
    private readonly IReadOnlyList<string> _files;

    public AuthFileStore(IReadOnlyList<string> files) => _files = files;

    /// <summary>The files from the environment, in lookup order.</summary>
    public static AuthFileStore FromEnvironment()
    {
        var files = new List<string>();
        string? registryAuthFile = Environment.GetEnvironmentVariable("REGISTRY_AUTH_FILE");
        if (!string.IsNullOrEmpty(registryAuthFile)) files.Add(registryAuthFile);
        string? dockerConfig = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        files.Add(Path.Combine(string.IsNullOrEmpty(dockerConfig) ? Path.Combine(home, ".docker") : dockerConfig, "config.json"));
        return new AuthFileStore(files);
    }

    public string WritePath => _files[0];

    /// <summary>The credential for a registry host (as written in references: docker.io, host:port), or null.</summary>
    public RegistryCredential? Lookup(string registry)
    {
        foreach (string file in _files)
        {
            var auths = ReadAuths(file);
            if (auths is null) continue;
            foreach (var (key, value) in auths)
            {
                if (!KeyMatches(key, registry) || value?["auth"] is not JsonValue auth) continue;
                return Decode(auth.GetValue<string>(), file, key);
            }
        }
        return null;
    }

    public void Save(string registry, RegistryCredential credential)
    {
        var root = ReadRoot(WritePath) ?? new JsonObject();
        if (root["auths"] is not JsonObject auths) root["auths"] = auths = new JsonObject();
        foreach (string stale in auths.Select(p => p.Key).Where(k => KeyMatches(k, registry)).ToList()) auths.Remove(stale);
        auths[KeyFor(registry)] = new JsonObject { ["auth"] = credential.BasicValue };
        Write(root);
    }

    /// <summary>Removes the registry's entry; false when there was none.</summary>
    public bool Remove(string registry)
    {
        var root = ReadRoot(WritePath);
        if (root?["auths"] is not JsonObject auths) return false;
        var keys = auths.Select(p => p.Key).Where(k => KeyMatches(k, registry)).ToList();
        foreach (string key in keys) auths.Remove(key);
        if (keys.Count > 0) Write(root);
        return keys.Count > 0;
    }

    internal static string KeyFor(string registry) => registry == "docker.io" ? DockerHubKey : registry;

    internal static bool KeyMatches(string key, string registry)
    {
        string host = key;
        if (host.StartsWith("https://", StringComparison.Ordinal)) host = host[8..];
        else if (host.StartsWith("http://", StringComparison.Ordinal)) host = host[7..];
        int slash = host.IndexOf('/');
        if (slash >= 0) host = host[..slash];
        if (host is "index.docker.io" or "registry-1.docker.io") host = "docker.io";
        return string.Equals(host, registry == "registry-1.docker.io" ? "docker.io" : registry, StringComparison.OrdinalIgnoreCase);
    }

    private static RegistryCredential Decode(string auth, string file, string key)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        }
        catch (FormatException)
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"{file}: auths.\"{key}\".auth is not base64; run 'berth login {key}' again");
        }
        int colon = text.IndexOf(':');
        if (colon < 0) throw new RegistryException(RegistryErrorKind.Unauthorized, $"{file}: auths.\"{key}\".auth is not base64(user:password); run 'berth login {key}' again");
        return new RegistryCredential(text[..colon], text[(colon + 1)..]);
    }

    private static JsonObject? ReadAuths(string file) => ReadRoot(file)?["auths"] as JsonObject;

    private static JsonObject? ReadRoot(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new RegistryException(RegistryErrorKind.Unauthorized, $"{file}: credentials file is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"{file}: credentials file is not valid JSON: {e.Message}", e);
        }
    }

    private void Write(JsonObject root)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(WritePath))!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(WritePath)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (var stream = new FileStream(temp, options))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(writer);
        }
        File.Move(temp, WritePath, overwrite: true);
    }
}
