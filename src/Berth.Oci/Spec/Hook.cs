namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "hooks.*[]": one hook command.</summary>
public sealed class Hook
{
    public string Path { get; set; } = "";
    public List<string>? Args { get; set; }
    public List<string>? Env { get; set; }
    public int? Timeout { get; set; }
}
