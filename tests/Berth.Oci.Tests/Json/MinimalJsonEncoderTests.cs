using System.Buffers;
using System.Text;
using System.Text.Json;
using Berth.Oci.Json;

namespace Berth.Oci.Tests.Json;

/// <summary>The escaping for Berth's own messages: valid JSON that reads back to the same text, escaping only what JSON requires.</summary>
public class MinimalJsonEncoderTests
{
    private static byte[] Write(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MinimalJsonEncoder.Instance }))
        {
            w.WriteStartObject();
            w.WriteString("s", value);
            w.WriteString("u"u8, Encoding.UTF8.GetBytes(value));
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData("plain /bin/sh")]
    [InlineData("quote \" backslash \\ slash /")]
    [InlineData("new\nline\r\ttab \u0001\u001f end")]
    [InlineData("<html> & 'apostrophe' + `tick`")]
    [InlineData("é ü ß 日本 \U0001F600")]
    [InlineData("")]
    public void Text_reads_back_the_same(string value)
    {
        using var doc = JsonDocument.Parse(Write(value));
        Assert.Equal(value, doc.RootElement.GetProperty("s").GetString());
        Assert.Equal(value, doc.RootElement.GetProperty("u").GetString());
    }

    [Fact]
    public void Only_what_json_requires_is_escaped()
    {
        string json = Encoding.UTF8.GetString(Write("a\"b\\c\nd\u0001 <&>+' é"));
        Assert.Contains("a\\\"b\\\\c\\nd\\u0001 <&>+' é", json);
    }
}
