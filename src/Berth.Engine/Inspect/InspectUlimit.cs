namespace Berth.Engine.Inspect;

/// <summary>One --ulimit as docker inspect shows it (name without RLIMIT_, -1 for unlimited).</summary>
public sealed class InspectUlimit
{
    public string Name { get; set; } = "";
    public long Soft { get; set; }
    public long Hard { get; set; }
}
