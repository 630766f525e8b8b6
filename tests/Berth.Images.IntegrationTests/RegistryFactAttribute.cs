namespace Berth.Images.IntegrationTests;

/// <summary>
/// A test that needs root and the Debian tools (docker-registry, skopeo, busybox-static, openssl-free .NET
/// crypto): skipped with a visible reason when any is missing (scripts/lib/common.sh install_deps has them).
/// </summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        Skip = SkipReason();
    }

    internal static string? SkipReason()
    {
        if (!Environment.IsPrivilegedProcess) return "run as root: these tests start a docker-registry and write berth-test-* dirs";
        foreach (string tool in new[] { "/usr/bin/docker-registry", "/usr/bin/skopeo", "/usr/bin/htpasswd", "/bin/busybox" })
        {
            if (!File.Exists(tool)) return $"{tool} is missing: apt-get install docker-registry skopeo apache2-utils busybox-static";
        }
        return null;
    }
}
