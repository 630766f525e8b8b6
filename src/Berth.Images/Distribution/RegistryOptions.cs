namespace Berth.Images.Distribution;

/// <summary>How a <see cref="RegistryClient"/> connects: which registries may use plain HTTP, where credentials come from.</summary>
public sealed class RegistryOptions
{
    /// <summary>Hosts (host or host:port) allowed over plain HTTP and unverified TLS besides loopback ones.</summary>
    public IReadOnlyCollection<string> InsecureRegistries { get; init; } = [];

    /// <summary>Credentials for a registry host (as in references: docker.io, host:port), or null for anonymous.</summary>
    public Func<string, RegistryCredential?> Credentials { get; init; } = _ => null;

    /// <summary>Test seam: the handler to send through (an in-process fake); null = a real SocketsHttpHandler.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Manifests larger than this are refused (the distribution spec suggests 4 MiB).</summary>
    public int MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    public string UserAgent { get; init; } = "berth/0.1";

    /// <summary>Reads BERTH_INSECURE_REGISTRIES (comma or space separated hosts) into <see cref="InsecureRegistries"/>.</summary>
    public static IReadOnlyCollection<string> InsecureFromEnvironment() =>
        (Environment.GetEnvironmentVariable("BERTH_INSECURE_REGISTRIES") ?? "")
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
