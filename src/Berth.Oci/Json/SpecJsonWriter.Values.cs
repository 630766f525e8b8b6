using System.Text.Json;

namespace Berth.Oci.Json;

/// <summary>Properties as OciJsonContext writes them: a null is left out; null elements of arrays and maps are written.</summary>
public static partial class SpecJsonWriter
{
    public static void String(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    public static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    public static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, uint? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    public static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    public static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, ulong? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    public static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, ushort? value)
    {
        if (value is { } v) w.WriteNumber(name, (uint)v);
    }

    public static void Boolean(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } v) w.WriteBoolean(name, v);
    }

    public static void Object<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T? value, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (value is null) return;
        w.WritePropertyName(name);
        write(w, value);
    }

    public static void Objects<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, List<T>? list, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (list is null) return;
        w.WriteStartArray(name);
        foreach (T? item in list)
        {
            if (item is null) w.WriteNullValue();
            else write(w, item);
        }
        w.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter w, ReadOnlySpan<byte> name, List<string>? list)
    {
        if (list is null) return;
        w.WriteStartArray(name);
        foreach (string? item in list)
        {
            if (item is null) w.WriteNullValue();
            else w.WriteStringValue(item);
        }
        w.WriteEndArray();
    }

    public static void StringMap(Utf8JsonWriter w, ReadOnlySpan<byte> name, Dictionary<string, string>? map)
    {
        if (map is null) return;
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            if (value is null) w.WriteNull(key);
            else w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    public static void ObjectMap<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, Dictionary<string, T>? map, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (map is null) return;
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WritePropertyName(key);
            if (value is null) w.WriteNullValue();
            else write(w, value);
        }
        w.WriteEndObject();
    }
}
