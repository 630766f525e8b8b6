using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berth.Cli.Output;

/// <summary>
/// `inspect --format`: the part of Go's text/template that docker users type, applied to one inspected
/// object's JSON, as docker does when it falls back to the raw JSON (a map): <c>{{.State.Pid}}</c>,
/// <c>{{.NetworkSettings.IPAddress}}</c>, <c>{{json .Config}}</c>, <c>{{index .Config.Labels "k"}}</c>,
/// <c>{{range .Mounts}}{{.Source}} {{end}}</c>, <c>{{if .State.Running}}up{{else}}down{{end}}</c>,
/// <c>{{join .Config.Cmd " "}}</c>, <c>{{len .Mounts}}</c>, <c>{{upper .Name}}</c>, <c>{{lower …}}</c>,
/// <c>{{println …}}</c>, and <c>{{- … -}}</c> to trim the spaces around an action.
/// Values print as Go prints them: strings bare, whole numbers without a fraction, arrays <c>[a b]</c>,
/// objects <c>map[k:v]</c> (keys sorted), null <c>&lt;nil&gt;</c>, a missing key <c>&lt;no value&gt;</c>.
/// Parse errors are <see cref="UsageException"/>s (exit 1 before anything is printed, like docker). Pure.
/// </summary>
internal sealed class JsonTemplate
{
    private abstract record Node;
    private sealed record TextNode(string Text) : Node;
    private sealed record ActionNode(string[] Words) : Node;
    private sealed record RangeNode(string[] Words, List<Node> Body, List<Node>? Else) : Node;
    private sealed record IfNode(string[] Words, List<Node> Then, List<Node>? Else) : Node;

    private readonly List<Node> _nodes;

    private JsonTemplate(List<Node> nodes) => _nodes = nodes;

    public static JsonTemplate Parse(string format)
    {
        var tokens = Tokenize(format.Replace("\\t", "\t").Replace("\\n", "\n"), format);
        int at = 0;
        var nodes = ParseList(tokens, ref at, format, out string? end);
        if (end is not null) throw Error(format, $"unexpected {{{{{end}}}}}");
        return new JsonTemplate(nodes);
    }

    public string Render(JsonElement root)
    {
        var sb = new StringBuilder();
        RenderList(_nodes, root, sb);
        return sb.ToString();
    }

    // ---- parsing ----

    /// <summary>Text and actions; an action is (false, words), text is (true, text). Trim markers applied here.</summary>
    private static List<(bool IsText, string Text, string[] Words)> Tokenize(string text, string format)
    {
        var tokens = new List<(bool, string, string[])>();
        int at = 0;
        while (at < text.Length)
        {
            int open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                tokens.Add((true, text[at..], []));
                break;
            }
            int close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) throw Error(format, "unclosed action");
            string inner = text[(open + 2)..close];
            string before = text[at..open];
            if (inner.StartsWith("- ", StringComparison.Ordinal) || inner == "-") before = before.TrimEnd();
            if (before.Length > 0) tokens.Add((true, before, []));
            bool trimAfter = inner.EndsWith(" -", StringComparison.Ordinal);
            string action = inner.Trim();
            if (action.StartsWith('-')) action = action[1..].TrimStart();
            if (action.EndsWith('-')) action = action[..^1].TrimEnd();
            tokens.Add((false, "", SplitWords(action, format)));
            at = close + 2;
            if (trimAfter)
            {
                while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            }
        }
        return tokens;
    }

    /// <summary>Words of an action, with "quoted strings" kept whole (quotes included) and parentheses refused.</summary>
    private static string[] SplitWords(string action, string format)
    {
        var words = new List<string>();
        int i = 0;
        while (i < action.Length)
        {
            if (char.IsWhiteSpace(action[i])) { i++; continue; }
            int start = i;
            if (action[i] == '"')
            {
                i++;
                while (i < action.Length && action[i] != '"') i += action[i] == '\\' ? 2 : 1;
                if (i >= action.Length) throw Error(format, "unterminated quoted string");
                i++;
            }
            else
            {
                while (i < action.Length && !char.IsWhiteSpace(action[i])) i++;
            }
            string word = action[start..i];
            if (word.Contains('(') || word.Contains('|') || word.StartsWith('$'))
            {
                throw Error(format, $"\"{word}\": pipes, parentheses and variables are not supported");
            }
            words.Add(word);
        }
        if (words.Count == 0) throw Error(format, "empty action");
        return [.. words];
    }

    private static List<Node> ParseList(List<(bool IsText, string Text, string[] Words)> tokens, ref int at, string format, out string? end)
    {
        var nodes = new List<Node>();
        end = null;
        while (at < tokens.Count)
        {
            var (isText, text, words) = tokens[at++];
            if (isText)
            {
                nodes.Add(new TextNode(text));
                continue;
            }
            switch (words[0])
            {
                case "end":
                case "else":
                    end = words[0];
                    return nodes;
                case "range":
                case "if":
                {
                    if (words.Length < 2) throw Error(format, $"missing value for {words[0]}");
                    var body = ParseList(tokens, ref at, format, out string? stop);
                    List<Node>? otherwise = null;
                    if (stop == "else")
                    {
                        otherwise = ParseList(tokens, ref at, format, out stop);
                    }
                    if (stop != "end") throw Error(format, $"{{{{{words[0]}}}}} without {{{{end}}}}");
                    nodes.Add(words[0] == "range" ? new RangeNode(words[1..], body, otherwise) : new IfNode(words[1..], body, otherwise));
                    break;
                }
                default:
                    Check(words, format);
                    nodes.Add(new ActionNode(words));
                    break;
            }
        }
        return nodes;
    }

    private static readonly Dictionary<string, int> Functions = new()
    {
        ["json"] = 1, ["upper"] = 1, ["lower"] = 1, ["len"] = 1, ["println"] = -1, ["print"] = -1, ["join"] = 2, ["index"] = -2,
        ["title"] = 1,
    };

    private static void Check(string[] words, string format)
    {
        string head = words[0];
        if (head.StartsWith('.') || head.StartsWith('"'))
        {
            if (words.Length > 1) throw Error(format, $"{head} is not a function");
            return;
        }
        if (!Functions.TryGetValue(head, out int arity))
        {
            throw Error(format, $"function \"{head}\" not defined (use .Field, json, index, join, len, upper, lower, range, if)");
        }
        int args = words.Length - 1;
        bool ok = arity switch { -1 => true, < -1 => args >= -arity, _ => args == arity };
        if (!ok) throw Error(format, $"wrong number of args for {head}: want {(arity >= 0 ? $"{arity}" : $"at least {-arity}")}, got {args}");
    }

    private static UsageException Error(string format, string what) => new($"template parsing error: {what} in \"{format}\"");

    // ---- rendering ----

    private static void RenderList(List<Node> nodes, JsonElement dot, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    sb.Append(t.Text);
                    break;
                case ActionNode a:
                    sb.Append(Call(a.Words, dot));
                    break;
                case IfNode i:
                    RenderList(IsTrue(Value(i.Words, dot)) ? i.Then : i.Else ?? [], dot, sb);
                    break;
                case RangeNode r:
                {
                    var over = Value(r.Words, dot);
                    var items = over?.ValueKind switch
                    {
                        JsonValueKind.Array => over.Value.EnumerateArray().ToList(),
                        JsonValueKind.Object => over.Value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value).ToList(),
                        _ => [],
                    };
                    if (items.Count == 0 && r.Else is not null) RenderList(r.Else, dot, sb);
                    foreach (var item in items) RenderList(r.Body, item, sb);
                    break;
                }
            }
        }
    }

    /// <summary>The text an action prints.</summary>
    private static string Call(string[] words, JsonElement dot) => words[0] switch
    {
        "json" => Operand(words[1], dot) is { } v ? JsonSerializer.Serialize(v, TemplateJsonElementContext.Relaxed.JsonElement) : "null",
        "println" => string.Join(" ", words[1..].Select(w => Format(Operand(w, dot)))) + "\n",
        "print" => string.Join("", words[1..].Select(w => Format(Operand(w, dot)))),
        _ => Format(Value(words, dot)),
    };

    /// <summary>The value of an action: one operand (.A.B, ., "text", 3) or a function's result.</summary>
    private static JsonElement? Value(string[] words, JsonElement dot)
    {
        string head = words[0];
        if (!Functions.ContainsKey(head)) return Operand(head, dot);
        var args = words[1..].Select(w => Operand(w, dot)).ToArray();
        return head switch
        {
            "index" => Index(args[0], args[1..]),
            "len" => Literal(Length(args[0]).ToString(CultureInfo.InvariantCulture)),
            _ => Text(head switch
            {
                "upper" => Format(args[0]).ToUpperInvariant(),
                "lower" => Format(args[0]).ToLowerInvariant(),
                "title" => Title(Format(args[0])),
                "join" => args[0] is { ValueKind: JsonValueKind.Array } list ? string.Join(Format(args[1]), list.EnumerateArray().Select(e => Format(e))) : Format(args[0]),
                _ => Call(words, dot),
            }),
        };
    }

    private static JsonElement Literal(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement Text(string text) => Literal(JsonSerializer.Serialize(text, TemplateJsonContext.Relaxed.String));

    private static JsonElement? Operand(string word, JsonElement dot)
    {
        if (word.StartsWith('"'))
        {
            return Literal(word); // a Go string literal is a JSON string here
        }
        if (word == ".") return dot;
        if (!word.StartsWith('.'))
        {
            return long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || word is "true" or "false"
                ? Literal(word)
                : throw new UsageException($"template: unsupported operand \"{word}\"");
        }
        JsonElement? current = dot;
        foreach (string key in word[1..].Split('.'))
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(key, out var next)) return null;
            current = next;
        }
        return current;
    }

    private static JsonElement? Index(JsonElement? value, JsonElement?[] keys)
    {
        foreach (var key in keys)
        {
            if (value is null || key is null) return null;
            value = (value.Value.ValueKind, key.Value.ValueKind) switch
            {
                (JsonValueKind.Object, JsonValueKind.String) => value.Value.TryGetProperty(key.Value.GetString()!, out var v) ? v : null,
                (JsonValueKind.Array, JsonValueKind.Number) when key.Value.TryGetInt32(out int i) && i >= 0 && i < value.Value.GetArrayLength() => value.Value[i],
                (JsonValueKind.Array, JsonValueKind.Number) => throw new UsageException($"template: index {key.Value} out of range"),
                _ => null,
            };
        }
        return value;
    }

    private static int Length(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Array => value.Value.GetArrayLength(),
        JsonValueKind.Object => value.Value.EnumerateObject().Count(),
        JsonValueKind.String => value.Value.GetString()!.Length,
        _ => 0,
    };

    /// <summary>Go's truth: false, 0, nil, and empty strings, arrays and maps are false.</summary>
    private static bool IsTrue(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.Value.GetDouble() != 0,
        JsonValueKind.String => value.Value.GetString()!.Length > 0,
        JsonValueKind.Array => value.Value.GetArrayLength() > 0,
        JsonValueKind.Object => value.Value.EnumerateObject().Any(),
        _ => false,
    };

    /// <summary>Go's %v of a value decoded from JSON into interface{} (numbers: whole ones without a fraction).</summary>
    internal static string Format(JsonElement? value) => value?.ValueKind switch
    {
        null => "<no value>",
        JsonValueKind.Null => "<nil>",
        JsonValueKind.String => value.Value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.Value.TryGetInt64(out long l) ? l.ToString(CultureInfo.InvariantCulture)
            : value.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.Array => "[" + string.Join(" ", value.Value.EnumerateArray().Select(e => Format(e))) + "]",
        JsonValueKind.Object => "map[" + string.Join(" ", value.Value.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + Format(p.Value))) + "]",
        _ => "",
    };

    private static string Title(string s) =>
        string.Join(" ", s.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class TemplateJsonElementContext : System.Text.Json.Serialization.JsonSerializerContext
{
    internal static TemplateJsonElementContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
