using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Berth.Oci.Json;

/// <summary>Plain words for what a field expects ("a number") and what the document holds ("a string").</summary>
internal static class JsonKinds
{
    /// <summary>What the model type accepts: "an object", "an array", "a string", "a number", "true or false".</summary>
    internal static string Expected(JsonTypeInfo info) => info.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
        JsonTypeInfoKind.Enumerable => "an array",
        _ => ExpectedValue(Unwrap(info.Type)),
    };

    /// <summary>What the document holds: "an object", "an array", "a string", "a number", "true", "false", "null".</summary>
    internal static string Actual(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>The integer range of a numeric model type ("a whole number from 0 to 4294967295"), or null when it is not an integer.</summary>
    internal static string? IntegerRange(JsonTypeInfo info)
    {
        Type t = Unwrap(info.Type);
        (object min, object max)? range =
            t == typeof(byte) ? (byte.MinValue, byte.MaxValue) :
            t == typeof(sbyte) ? (sbyte.MinValue, sbyte.MaxValue) :
            t == typeof(short) ? (short.MinValue, short.MaxValue) :
            t == typeof(ushort) ? (ushort.MinValue, ushort.MaxValue) :
            t == typeof(int) ? (int.MinValue, int.MaxValue) :
            t == typeof(uint) ? (uint.MinValue, uint.MaxValue) :
            t == typeof(long) ? (long.MinValue, long.MaxValue) :
            t == typeof(ulong) ? (ulong.MinValue, ulong.MaxValue) :
            null;
        return range is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number from {r.min} to {r.max}")
            : null;
    }

    private static string ExpectedValue(Type t) =>
        t == typeof(string) ? "a string" :
        t == typeof(bool) ? "true or false" :
        IsNumber(t) ? "a number" :
        $"a {t.Name}";

    private static bool IsNumber(Type t) =>
        t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) ||
        t == typeof(uint) || t == typeof(long) || t == typeof(ulong) || t == typeof(float) || t == typeof(double) ||
        t == typeof(decimal);

    private static Type Unwrap(Type t) => Nullable.GetUnderlyingType(t) ?? t;
}
