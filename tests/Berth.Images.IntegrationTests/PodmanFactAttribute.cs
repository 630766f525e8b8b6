namespace Berth.Images.IntegrationTests;

/// <summary>A <see cref="RegistryFactAttribute"/> test that also runs podman: skipped with a visible reason when podman is missing.</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        Skip = RegistryFactAttribute.SkipReason() ?? (File.Exists("/usr/bin/podman") ? null : "/usr/bin/podman is missing: apt-get install podman");
    }
}
