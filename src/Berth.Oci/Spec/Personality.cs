namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.personality" (personality(2) domain).</summary>
public sealed class Personality
{
    public string Domain { get; set; } = "";
    public List<string>? Flags { get; set; }
}
