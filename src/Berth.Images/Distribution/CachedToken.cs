namespace Berth.Images.Distribution;

/// <summary>A Bearer token for one (registry, scope), valid until shortly before the server said it expires.</summary>
internal sealed record CachedToken(string Token, DateTimeOffset ExpiresAt)
{
    public bool IsValid => DateTimeOffset.UtcNow < ExpiresAt;
}
