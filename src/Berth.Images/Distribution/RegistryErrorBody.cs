using System.Text.Json;

namespace Berth.Images.Distribution;

/// <summary>The error document of the distribution spec: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed class RegistryErrorBody
{
    public List<RegistryError>? Errors { get; set; }
}

/// <summary>One entry of <see cref="RegistryErrorBody"/> (codes such as MANIFEST_UNKNOWN, UNAUTHORIZED, DENIED).</summary>
public sealed class RegistryError
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public JsonElement? Detail { get; set; }
}
