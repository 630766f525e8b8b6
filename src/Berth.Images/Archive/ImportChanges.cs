using System.Text.Json;
using Berth.Images.Manifest;

namespace Berth.Images.Archive;

/// <summary>
/// <c>import --change</c>: the Dockerfile instructions docker import accepts, applied to the new image's config
/// (pure). CMD/ENTRYPOINT take the JSON form (<c>["/bin/sh","-c","x"]</c>) or the shell form (wrapped in
/// <c>/bin/sh -c</c>); ENV takes <c>K=V ...</c> or <c>K V</c>; LABEL <c>k=v ...</c>; EXPOSE ports (<c>80</c> means
/// 80/tcp); VOLUME a JSON array or paths.
/// </summary>
public static class ImportChanges
{
    private const string Supported = "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR";

    public static void Apply(ContainerConfig config, string change)
    {
        string text = change.Trim();
        int space = text.IndexOfAny([' ', '\t']);
        string instruction = (space < 0 ? text : text[..space]).ToUpperInvariant();
        string rest = space < 0 ? "" : text[(space + 1)..].Trim();
        if (rest.Length == 0) throw Invalid(change, $"{instruction} needs an argument");
        switch (instruction)
        {
            case "CMD": config.Cmd = Command(rest, change); break;
            case "ENTRYPOINT": config.Entrypoint = Command(rest, change); break;
            case "WORKDIR": config.WorkingDir = rest; break;
            case "USER": config.User = rest; break;
            case "STOPSIGNAL": config.StopSignal = rest; break;
            case "ENV":
                foreach (var (key, value) in Pairs(rest, change, allowSpaceForm: true)) SetEnv(config, key, value);
                break;
            case "LABEL":
                config.Labels ??= [];
                foreach (var (key, value) in Pairs(rest, change, allowSpaceForm: false)) config.Labels[key] = value;
                break;
            case "EXPOSE":
                config.ExposedPorts ??= [];
                foreach (string port in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)) config.ExposedPorts[port.Contains('/') ? port : port + "/tcp"] = EmptyObject();
                break;
            case "VOLUME":
                config.Volumes ??= [];
                foreach (string path in rest.StartsWith('[') ? JsonStrings(rest, change) : [.. rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)]) config.Volumes[path] = EmptyObject();
                break;
            default:
                throw Invalid(change, $"{instruction} is not supported by import (use one of {Supported})");
        }
    }

    private static List<string> Command(string rest, string change) => rest.StartsWith('[') ? JsonStrings(rest, change) : ["/bin/sh", "-c", rest];

    private static List<string> JsonStrings(string json, string change)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Invalid(change, "expected a JSON array of strings");
            return document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Invalid(change, "expected a JSON array of strings")).ToList();
        }
        catch (JsonException e)
        {
            throw Invalid(change, $"invalid JSON array ({e.Message})");
        }
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string rest, string change, bool allowSpaceForm)
    {
        string[] words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!words[0].Contains('='))
        {
            if (!allowSpaceForm || words.Length < 2) throw Invalid(change, "expected KEY=VALUE");
            return [(words[0], rest[words[0].Length..].Trim())];
        }
        return words.Select(w => w.IndexOf('=') is > 0 and int eq ? (w[..eq], w[(eq + 1)..].Trim('"')) : throw Invalid(change, $"\"{w}\" is not KEY=VALUE"));
    }

    private static void SetEnv(ContainerConfig config, string key, string value)
    {
        config.Env ??= [];
        config.Env.RemoveAll(e => e.StartsWith(key + "=", StringComparison.Ordinal));
        config.Env.Add($"{key}={value}");
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private static ImageArchiveException Invalid(string change, string why) => new($"--change \"{change}\": {why}");
}
