using System.Text.Encodings.Web;

namespace Berth.Oci.Json;

/// <summary>
/// The least escaping JSON needs (RFC 8259: '"', '\' and control characters; everything else as UTF-8), for
/// messages only Berth reads. Utf8JsonWriter otherwise uses JavaScriptEncoder.Default, whose first use builds its
/// tables of allowed characters: a measurable part of a short `exec` (perf: DefaultJavaScriptEncoder..cctor).
/// Not for files other programs compare byte for byte: the default also escapes HTML characters and non-ASCII.
/// </summary>
public sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static readonly MinimalJsonEncoder Instance = new();

    private MinimalJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6; // \u001f

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i])) return i;
        }
        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (int i = 0; i < utf8Text.Length; i++)
        {
            if (WillEncode(utf8Text[i])) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        ReadOnlySpan<char> escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            < 0x20 => $"\\u{unicodeScalar:x4}",
            _ => default,
        };
        if (escaped.IsEmpty)
        {
            // Not ours to escape: written as it is (a supplementary-plane scalar is two UTF-16 units).
            escaped = char.ConvertFromUtf32(unicodeScalar);
        }
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        escaped.CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
