namespace Berth.Images.Distribution;

/// <summary>
/// One challenge of a WWW-Authenticate header (RFC 7235): a scheme ("Bearer", "Basic") and its parameters.
/// For Bearer, the registry names the token server (<c>realm</c>), the <c>service</c> and the <c>scope</c>
/// (<c>repository:library/alpine:pull</c>) to ask a token for.
/// </summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);
}
