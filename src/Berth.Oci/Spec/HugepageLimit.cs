namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.hugepageLimits[]".</summary>
public sealed class HugepageLimit
{
    public string PageSize { get; set; } = "";
    public ulong Limit { get; set; }
}
