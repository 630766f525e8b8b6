using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Berth.Oci.Json;

/// <summary>Follows a parsed error path through a <see cref="JsonDocument"/> and, in step, through the source-generated type metadata.</summary>
internal static class JsonModelWalker
{
    internal static JsonElement? FindElement(JsonElement root, IEnumerable<JsonPathSegment> segments)
    {
        JsonElement current = root;
        foreach (var segment in segments)
        {
            if (!TryStep(current, segment, out current)) return null;
        }
        return current;
    }

    internal static JsonTypeInfo? FindTypeInfo(JsonTypeInfo root, IEnumerable<JsonPathSegment> segments)
    {
        JsonTypeInfo? current = root;
        foreach (var segment in segments)
        {
            current = Step(current, segment);
            if (current is null) return null;
        }
        return current;
    }

    private static bool TryStep(JsonElement element, JsonPathSegment segment, out JsonElement child)
    {
        child = default;
        if (segment.IsIndex)
        {
            if (element.ValueKind != JsonValueKind.Array || segment.Index >= element.GetArrayLength()) return false;
            child = element[segment.Index];
            return true;
        }
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment.Name!, out child);
    }

    private static JsonTypeInfo? Step(JsonTypeInfo info, JsonPathSegment segment)
    {
        Type? next = info.Kind switch
        {
            JsonTypeInfoKind.Object when !segment.IsIndex =>
                info.Properties.FirstOrDefault(p => p.Name == segment.Name)?.PropertyType,
            JsonTypeInfoKind.Enumerable when segment.IsIndex => info.ElementType,
            JsonTypeInfoKind.Dictionary when !segment.IsIndex => info.ElementType,
            _ => null,
        };
        return next is null ? null : info.Options.GetTypeInfo(next);
    }
}
