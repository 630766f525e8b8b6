namespace Berth.Oci;

/// <summary>The runtime-spec versions Berth reads and writes.</summary>
public static class SpecVersion
{
    /// <summary>The version written into new documents (config.json from <c>spec</c>, state) and the features maximum.</summary>
    public const string Current = "1.2.1";

    /// <summary>The oldest version accepted (features <c>ociVersionMin</c>).</summary>
    public const string Minimum = "1.0.0";
}
