namespace Berth.Oci.Json;

/// <summary>One step of a System.Text.Json error path: a property name, or (when <see cref="Name"/> is null) an array index.</summary>
internal readonly record struct JsonPathSegment(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public static JsonPathSegment Property(string name) => new(name, -1);
    public static JsonPathSegment Element(int index) => new(null, index);
}
