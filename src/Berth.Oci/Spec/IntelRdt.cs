namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.intelRdt" (resctrl class and schemata).</summary>
public sealed class IntelRdt
{
    public string? ClosID { get; set; }
    public string? L3CacheSchema { get; set; }
    public string? MemBwSchema { get; set; }

    /// <summary>Whole schemata lines written as they are (runtime-spec 1.3).</summary>
    public List<string>? Schemata { get; set; }

    /// <summary>Create a monitoring group for the container (runtime-spec 1.3; replaces enableCMT/enableMBM).</summary>
    public bool? EnableMonitoring { get; set; }

    /// <summary>Cache Monitoring Technology (runtime-spec 1.2).</summary>
    public bool? EnableCMT { get; set; }

    /// <summary>Memory Bandwidth Monitoring (runtime-spec 1.2).</summary>
    public bool? EnableMBM { get; set; }
}
