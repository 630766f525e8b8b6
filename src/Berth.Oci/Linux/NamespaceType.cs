namespace Berth.Oci.Linux;

/// <summary>
/// One Linux namespace type: its spec name ("network"), its clone(2)/unshare(2)/setns(2) flag
/// (CLONE_NEWNET) and its file under /proc/&lt;pid&gt;/ns ("net").
/// </summary>
public sealed record NamespaceType(string Name, uint CloneFlag, string ProcFileName);
