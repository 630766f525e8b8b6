namespace Berth.Engine.Runtime;

/// <summary>What `RUNTIME state ID` printed: the OCI state's status and pid.</summary>
public sealed record RuntimeState(string Status, int Pid);
