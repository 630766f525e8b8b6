namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "root": the container's root filesystem.</summary>
public sealed class Root
{
    public string Path { get; set; } = "";
    public bool Readonly { get; set; }
}
