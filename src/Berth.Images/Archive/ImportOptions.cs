using Berth.Images.Manifest;

namespace Berth.Images.Archive;

/// <summary>
/// How <c>import</c> builds its image: the name to give it (a full tagged reference, or null: dangling), the
/// platform to record (the host's by default), a history comment (-m) and Dockerfile-style changes (-c).
/// </summary>
public sealed record ImportOptions
{
    public string? Name { get; init; }
    public Platform Platform { get; init; } = Platform.Host();
    public string? Message { get; init; }
    public IReadOnlyList<string> Changes { get; init; } = [];
}
