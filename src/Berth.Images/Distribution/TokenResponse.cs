using System.Text.Json.Serialization;

namespace Berth.Images.Distribution;

/// <summary>A token server's answer (Docker token auth spec): "token" or OAuth2's "access_token", lifetime in seconds.</summary>
public sealed class TokenResponse
{
    public string? Token { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
}
