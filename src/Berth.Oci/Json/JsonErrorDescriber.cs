using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Berth.Oci.Json;

/// <summary>
/// Turns a <see cref="JsonException"/> into one line naming the document, the 1-based line, the field
/// and what was wrong: "config.json line 7: process.user.uid: expected a number, got a string".
/// Syntax errors keep the reader's own words ("invalid JSON: '}' is an invalid start of a value").
/// What a field expects comes from the source-generated metadata, so it is exact and AOT-safe.
/// </summary>
internal static class JsonErrorDescriber
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal static InvalidSpecException Describe(JsonException error, string json, string sourceName, JsonTypeInfo root)
    {
        string where = $"{sourceName} line {(error.LineNumber ?? 0) + 1}";
        string field = JsonPathParser.Display(error.Path);
        string what = WhatWentWrong(error, json, root);
        return new InvalidSpecException(field.Length == 0 ? $"{where}: {what}" : $"{where}: {field}: {what}", error);
    }

    private static string WhatWentWrong(JsonException error, string json, JsonTypeInfo root)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException)
        {
            return "invalid JSON: " + ReaderMessage(error.Message);
        }
        using (document)
        {
            return DescribeMismatch(error, document.RootElement, root) ?? ReaderMessage(error.Message);
        }
    }

    /// <summary>"expected a number, got a string", or null when the path cannot be followed.</summary>
    private static string? DescribeMismatch(JsonException error, JsonElement rootElement, JsonTypeInfo root)
    {
        var segments = JsonPathParser.Parse(error.Path);
        if (segments is null) return null;
        JsonElement? element = JsonModelWalker.FindElement(rootElement, segments);
        JsonTypeInfo? info = JsonModelWalker.FindTypeInfo(root, segments);
        if (element is not { } value || info is null) return null;

        string expected = JsonKinds.Expected(info);
        string actual = JsonKinds.Actual(value);
        if (expected != actual) return $"expected {expected}, got {actual}";
        if (value.ValueKind == JsonValueKind.Number && JsonKinds.IntegerRange(info) is { } range)
        {
            return $"expected {range}, got {value.GetRawText()}";
        }
        return null;
    }

    /// <summary>The message without System.Text.Json's " Path: … | LineNumber: … | BytePositionInLine: …" tail or final period.</summary>
    internal static string ReaderMessage(string message)
    {
        foreach (string tail in (string[])[" Path: ", " LineNumber: "])
        {
            int at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        return message.TrimEnd().TrimEnd('.');
    }
}
