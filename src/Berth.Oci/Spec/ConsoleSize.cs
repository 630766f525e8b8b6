namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.consoleSize".</summary>
public sealed class ConsoleSize
{
    public uint Height { get; set; }
    public uint Width { get; set; }
}
