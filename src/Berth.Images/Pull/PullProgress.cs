namespace Berth.Images.Pull;

/// <summary>One progress event: <paramref name="Id"/> is a blob's short digest (or the reference for image-wide events).</summary>
public sealed record PullProgress(string Id, PullStatus Status, long Current = 0, long Total = 0, string? Detail = null);
