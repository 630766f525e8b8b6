namespace Berth.Cgroups.Stats;

/// <summary>Placeholder for runc's "intel_rdt" object (resctrl, not cgroups): Berth writes it as "{}", as runc does without RDT.</summary>
public sealed class IntelRdtStats
{
}
