using System.Text;
using System.Text.Json;

namespace Berth.Cli.Output;

/// <summary>
/// The subset of Go's text/template that docker's <c>--format</c> users type: literal text with actions
/// <c>{{.Field}}</c>, <c>{{json .}}</c> (the whole row as JSON), <c>{{json .Field}}</c>, <c>{{upper .Field}}</c>,
/// <c>{{lower .Field}}</c> and <c>{{.Label "key"}}</c>; <c>\t</c> and <c>\n</c> typed as two characters become a
/// tab and a newline, and a leading "table " asks for a header and aligned columns (docker's formatter
/// package). An unknown field is an error when the template is parsed, before anything is printed. Pure.
/// </summary>
internal sealed class GoTemplate
{
    private enum Kind { Text, Field, Json, JsonField, Upper, Lower, Label }

    private sealed record Part(Kind Kind, string Value);

    private readonly List<Part> _parts;

    private GoTemplate(List<Part> parts, bool table) => (_parts, IsTable) = (parts, table);

    /// <summary>"table …": print a header line and align the tab-separated columns.</summary>
    public bool IsTable { get; }

    public static GoTemplate Parse(string format, IReadOnlyCollection<string> fields)
    {
        bool table = format.StartsWith("table", StringComparison.Ordinal) && (format.Length == 5 || char.IsWhiteSpace(format[5]));
        string text = (table ? format[5..] : format).Trim(' ').Replace("\\t", "\t").Replace("\\n", "\n");
        var parts = new List<Part>();
        int at = 0;
        while (at < text.Length)
        {
            int open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new Part(Kind.Text, text[at..]));
                break;
            }
            if (open > at) parts.Add(new Part(Kind.Text, text[at..open]));
            int close = text.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0) throw new UsageException($"template parsing error: unclosed action in \"{format}\"");
            parts.Add(Action(text[(open + 2)..close].Trim().Trim('-').Trim(), fields));
            at = close + 2;
        }
        return new GoTemplate(parts, table);
    }

    private static Part Action(string action, IReadOnlyCollection<string> fields)
    {
        string[] words = action.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        string Field(string word) => word.StartsWith('.') && fields.Contains(word[1..]) ? word[1..]
            : throw new UsageException($"template: can't evaluate field {word} (fields: {string.Join(", ", fields.Select(f => "." + f))})");
        return words switch
        {
            ["json", "."] => new Part(Kind.Json, ""),
            ["json", var w] => new Part(Kind.JsonField, Field(w)),
            ["upper", var w] => new Part(Kind.Upper, Field(w)),
            ["lower", var w] => new Part(Kind.Lower, Field(w)),
            [".Label", var key] => new Part(Kind.Label, key.Trim().Trim('"')),
            [var w] => new Part(Kind.Field, Field(w)),
            _ => throw new UsageException($"template: unsupported action {{{{{action}}}}} (use .Field, json ., json .Field, upper, lower, .Label \"key\")"),
        };
    }

    public string Render(TemplateRow row)
    {
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            sb.Append(part.Kind switch
            {
                Kind.Text => part.Value,
                Kind.Field => row.Field(part.Value),
                Kind.Json => row.Json(),
                Kind.JsonField => JsonSerializer.Serialize(row.Field(part.Value), TemplateJsonContext.Relaxed.String),
                Kind.Upper => row.Field(part.Value).ToUpperInvariant(),
                Kind.Lower => row.Field(part.Value).ToLowerInvariant(),
                Kind.Label => row.Labels.TryGetValue(part.Value, out string? v) ? v : "",
                _ => "",
            });
        }
        return sb.ToString();
    }
}

/// <summary>One thing a template is applied to: its fields as text, its JSON form, its labels.</summary>
internal sealed class TemplateRow(IReadOnlyDictionary<string, string> fields, Func<string> json, IReadOnlyDictionary<string, string>? labels = null)
{
    public IReadOnlyDictionary<string, string> Labels { get; } = labels ?? new Dictionary<string, string>();

    public string Field(string name) => fields.TryGetValue(name, out string? v) ? v : "";

    public string Json() => json();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class TemplateJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
    internal static TemplateJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
