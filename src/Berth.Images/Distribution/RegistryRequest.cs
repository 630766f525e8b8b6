namespace Berth.Images.Distribution;

/// <summary>
/// One API call as <see cref="RegistryClient"/> sends it: method, registry host, the repository and actions
/// it needs a token for (the Bearer scope <c>repository:NAME:pull</c>), and a content factory, because a
/// request may have to be sent again after a 401 or a redirect.
/// </summary>
internal sealed record RegistryRequest(HttpMethod Method, string Host, string PathAndQuery, string Operation)
{
    public string Repository { get; init; } = "";
    public string Actions { get; init; } = "pull";
    public Uri? AbsoluteUri { get; init; }
    public IReadOnlyList<string>? Accept { get; init; }
    public Func<HttpContent>? Content { get; init; }

    public string Scope => Repository.Length == 0 ? "" : $"repository:{Repository}:{Actions}";
}
