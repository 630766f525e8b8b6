using System.Text.Json;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;
using OciState = Berth.Oci.Spec.State;

namespace Berth.Oci.Json;

/// <summary>Reads one JSON value at the reader's current token.</summary>
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// A hand-written reader of the OCI documents (config.json, a process, linux.resources, a state) straight
/// from UTF-8 with <see cref="Utf8JsonReader"/>: no System.Text.Json metadata is built, which in NativeAOT
/// costs more than the parse itself. Same rules as <see cref="OciJsonContext"/>: names as the model's camelCase
/// names, case-sensitive; unknown properties skipped; comments and trailing commas allowed; null gives null;
/// numbers as strict as System.Text.Json. It only tells whether a document is valid: the Try methods return
/// null for an invalid one and the caller asks the slow path (<see cref="OciDocument"/>) for the precise message.
/// One method per model class, in the partial files by area.
/// How it stays equal to the model: the tests in Berth.Oci.Tests/Json build an every-field sample of the model
/// by reflection (a new property is in it without anyone writing it there) and hold this reader and
/// <see cref="SpecJsonWriter"/> equal to the context on it (SpecJsonEquivalenceTests), and mutate every value
/// of it to each wrong kind: this reader must refuse exactly what System.Text.Json refuses (SpecJsonMutationTests).
/// A model property added without a line here fails those tests.
/// </summary>
public static partial class SpecJsonReader
{
    /// <summary>The reader options of <see cref="OciJsonContext"/> (comments skipped, trailing commas, depth 64).</summary>
    public static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>config.json, or null when the document is not a valid spec (including "null").</summary>
    public static OciSpec? TryParseSpec(ReadOnlySpan<byte> utf8) => TryParse(utf8, ReadSpec);

    /// <summary>A process document (<c>exec --process</c>), or null when it is invalid.</summary>
    public static Process? TryParseProcess(ReadOnlySpan<byte> utf8) => TryParse(utf8, ReadProcess);

    /// <summary>A linux.resources document (<c>update --resources</c>), or null when it is invalid.</summary>
    public static Resources? TryParseResources(ReadOnlySpan<byte> utf8) => TryParse(utf8, ReadResources);

    /// <summary>An OCI state document, or null when it is invalid.</summary>
    public static OciState? TryParseState(ReadOnlySpan<byte> utf8) => TryParse(utf8, ReadState);

    /// <summary>Reads the whole document with <paramref name="root"/>; null when anything is wrong with it.</summary>
    public static T? TryParse<T>(ReadOnlySpan<byte> utf8, JsonValueReader<T?> root) where T : class => TryParse(utf8, root, Options);

    /// <summary>As above, with other reader options (Berth's own files follow System.Text.Json's strict defaults).</summary>
    public static T? TryParse<T>(ReadOnlySpan<byte> utf8, JsonValueReader<T?> root, JsonReaderOptions options) where T : class
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, options);
            if (!reader.Read()) return null;
            T? value = root(ref reader);
            // Anything but whitespace and comments after the root value makes Read throw.
            return reader.Read() ? null : value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // ---- objects ----

    /// <summary>At a value: true at "{", false at null; anything else is invalid.</summary>
    public static bool BeginObject(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Mismatch(ref r, "an object"),
    };

    /// <summary>Moves to the next property name; false at the object's end.</summary>
    public static bool NextProperty(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>At a property name: when it is <paramref name="name"/>, moves to its value and says true.</summary>
    public static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> name)
    {
        if (!r.ValueTextEquals(name)) return false;
        r.Read();
        return true;
    }

    // ---- scalars ----

    public static string? String(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw Mismatch(ref r, "a string"),
    };

    public static bool Bool(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mismatch(ref r, "true or false"),
    };

    public static bool? NullableBool(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : Bool(ref r);

    public static int Int32(ref Utf8JsonReader r) =>
        IsNumber(ref r) && r.TryGetInt32(out int v) ? v : throw Mismatch(ref r, "an int");

    public static int? NullableInt32(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : Int32(ref r);

    public static uint UInt32(ref Utf8JsonReader r) =>
        IsNumber(ref r) && r.TryGetUInt32(out uint v) ? v : throw Mismatch(ref r, "a uint");

    public static uint? NullableUInt32(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : UInt32(ref r);

    public static long Int64(ref Utf8JsonReader r) =>
        IsNumber(ref r) && r.TryGetInt64(out long v) ? v : throw Mismatch(ref r, "a long");

    public static long? NullableInt64(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : Int64(ref r);

    public static ulong UInt64(ref Utf8JsonReader r) =>
        IsNumber(ref r) && r.TryGetUInt64(out ulong v) ? v : throw Mismatch(ref r, "a ulong");

    public static ulong? NullableUInt64(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : UInt64(ref r);

    public static ushort? NullableUInt16(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null ? null
        : IsNumber(ref r) && r.TryGetUInt16(out ushort v) ? v : throw Mismatch(ref r, "a ushort");

    private static bool IsNumber(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number;

    // ---- collections ----

    /// <summary>An array of objects or strings (null elements kept, as System.Text.Json does), or null.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader r, JsonValueReader<T?> item) where T : class
    {
        if (!BeginArray(ref r)) return null;
        var list = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray) list.Add(item(ref r)!);
        return list;
    }

    /// <summary>An array of numbers, or null.</summary>
    public static List<T>? ReadValues<T>(ref Utf8JsonReader r, JsonValueReader<T> item) where T : struct
    {
        if (!BeginArray(ref r)) return null;
        var list = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray) list.Add(item(ref r));
        return list;
    }

    public static List<string>? Strings(ref Utf8JsonReader r) => ReadList<string>(ref r, String);

    /// <summary>An object read as a dictionary (a repeated key: the last wins, as in System.Text.Json), or null.</summary>
    public static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader r, JsonValueReader<T?> item) where T : class
    {
        if (!BeginObject(ref r)) return null;
        var map = new Dictionary<string, T>();
        while (NextProperty(ref r))
        {
            string key = r.GetString()!;
            r.Read();
            map[key] = item(ref r)!;
        }
        return map;
    }

    public static Dictionary<string, string>? StringMap(ref Utf8JsonReader r) => ReadMap<string>(ref r, String);

    private static bool BeginArray(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw Mismatch(ref r, "an array"),
    };

    /// <summary>Only says the document is invalid: the slow path words the message.</summary>
    private static JsonException Mismatch(ref Utf8JsonReader r, string expected) =>
        new($"expected {expected}, got {r.TokenType} at byte {r.TokenStartIndex}");
}
