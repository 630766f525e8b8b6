namespace Berth.Oci.Features;

/// <summary>runtime-spec features-linux.md "intelRdt".</summary>
public sealed class IntelRdtFeatures
{
    public bool? Enabled { get; set; }

    /// <summary>Whether linux.intelRdt.schemata is implemented.</summary>
    public bool? Schemata { get; set; }
}
