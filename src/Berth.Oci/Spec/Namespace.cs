namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.namespaces[]": a namespace to create, or to join when <c>path</c> is set.</summary>
public sealed class Namespace
{
    public string Type { get; set; } = "";
    public string? Path { get; set; }
}
