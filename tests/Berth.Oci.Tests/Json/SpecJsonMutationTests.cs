using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Berth.Oci.Json;
using Berth.Oci.Spec;
using Berth.Oci.Tests.Fixtures;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci.Tests.Json;

/// <summary>
/// Every value of the every-field sample (and of runc's config) replaced, one at a time, by each value of
/// the wrong kind or range, and every prefix and garbage-suffixed form of the documents: the fast reader
/// must accept exactly what System.Text.Json accepts, build the same object, and on a refusal SpecLoader
/// must give System.Text.Json's precise message (never the "bug" one).
/// </summary>
public class SpecJsonMutationTests
{
    private static readonly string[] Replacements =
    [
        "null", "\"x\"", "\"1\"", "true", "false", "{}", "[]", "[1]", "{\"a\":1}", "0", "-1", "1.5", "1.0", "1e3", "-0",
        "255", "65535", "65536", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    ];

    private delegate T? Fast<T>(ReadOnlySpan<byte> utf8);

    private static int s_checked;

    private static void AssertSameOutcome<T>(string json, JsonTypeInfo<T> info, Fast<T> fast, Func<string, T> load) where T : class
    {
        string? slow;
        try
        {
            var value = JsonSerializer.Deserialize(json, info);
            slow = value is null ? null : SpecJsonEquivalenceTests.Stj(value, info);
        }
        catch (JsonException)
        {
            slow = null;
        }
        var fastValue = fast(Encoding.UTF8.GetBytes(json));
        string? fastText = fastValue is null ? null : SpecJsonEquivalenceTests.Stj(fastValue, info);

        Assert.True(slow == fastText, $"fast and slow differ on {json}\nslow: {slow}\nfast: {fastText}");
        // Where both refuse, SpecLoader cannot reach its "bug" branch; its message is checked on a sample (exceptions are slow).
        if (slow is null && !string.IsNullOrWhiteSpace(json) && Interlocked.Increment(ref s_checked) % 25 == 0)
        {
            var e = Assert.Throws<InvalidSpecException>(() => load(json));
            Assert.DoesNotContain("bug", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The document with the value at each place replaced by each replacement, one at a time.</summary>
    private static IEnumerable<string> Mutations(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        int places = Places(root).Count();
        for (int place = 0; place < places; place++)
        {
            var copy = root.DeepClone();
            var (parent, key, index) = Places(copy).ElementAt(place);
            var marker = JsonValue.Create(Marker);
            if (key is not null) parent[key] = marker;
            else parent.AsArray()[index] = marker;
            string text = copy.ToJsonString();
            foreach (string replacement in Replacements)
            {
                yield return text.Replace("\"" + Marker + "\"", replacement, StringComparison.Ordinal);
            }
        }
    }

    private const string Marker = "@@berth-mutation@@";

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1);
                if (child is not null) foreach (var inner in Places(child)) yield return inner;
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child) foreach (var inner in Places(child)) yield return inner;
            }
        }
    }

    [Fact]
    public void Every_wrong_value_in_the_full_spec_sample()
    {
        string json = SpecJsonEquivalenceTests.Stj(ModelSample.Create<OciSpec>(), OciJsonContext.Default.Spec, indented: false);
        int count = 0;
        foreach (string mutated in Mutations(json))
        {
            AssertSameOutcome(mutated, OciJsonContext.Default.Spec, SpecJsonReader.TryParseSpec, j => SpecLoader.Parse(j, "config.json"));
            count++;
        }
        Assert.True(count > 5000, $"only {count} mutations");
    }

    [Fact]
    public void Every_wrong_value_in_runcs_config() =>
        Assert.All(Mutations(RuncConfig.Json), j => AssertSameOutcome(j, OciJsonContext.Default.Spec, SpecJsonReader.TryParseSpec, s => SpecLoader.Parse(s, "config.json")));

    [Fact]
    public void Every_wrong_value_in_a_process_and_a_resources_document()
    {
        string process = SpecJsonEquivalenceTests.Stj(ModelSample.Create<Process>(), OciJsonContext.Default.Process, indented: false);
        string resources = SpecJsonEquivalenceTests.Stj(ModelSample.Create<Resources>(), OciJsonContext.Default.Resources, indented: false);

        Assert.All(Mutations(process), j => AssertSameOutcome(j, OciJsonContext.Default.Process, SpecJsonReader.TryParseProcess, s => SpecLoader.ParseProcess(s, "process.json")));
        Assert.All(Mutations(resources), j => AssertSameOutcome(j, OciJsonContext.Default.Resources, SpecJsonReader.TryParseResources, s => SpecLoader.ParseResources(s, "resources.json")));
    }

    [Fact]
    public void Every_prefix_of_a_document_and_garbage_after_it()
    {
        string json = RuncConfig.Json;
        for (int length = 0; length < json.Length; length++)
        {
            AssertSameOutcome(json[..length], OciJsonContext.Default.Spec, SpecJsonReader.TryParseSpec, s => SpecLoader.Parse(s, "config.json"));
        }
        foreach (string tail in (string[])["x", "{}", ",", "]", "}", "null", "/* open", "// fine", " \n\t "])
        {
            AssertSameOutcome(json + tail, OciJsonContext.Default.Spec, SpecJsonReader.TryParseSpec, s => SpecLoader.Parse(s, "config.json"));
        }
    }

    [Theory]
    [InlineData("{\"process\": {\"user\": {\"uid\": 1.0}}}", "config.json line 1: process.user.uid: expected a whole number from 0 to 4294967295, got 1.0")]
    [InlineData("{\"process\": {\"user\": {\"uid\": 1e3}}}", "config.json line 1: process.user.uid: expected a whole number from 0 to 4294967295, got 1e3")]
    [InlineData("{\"process\": {\"user\": {\"uid\": 4294967296}}}", "config.json line 1: process.user.uid: expected a whole number from 0 to 4294967295, got 4294967296")]
    [InlineData("{\"linux\": {\"resources\": {\"blockIO\": {\"weight\": 65536}}}}", "config.json line 1: linux.resources.blockIO.weight: expected a whole number from 0 to 65535, got 65536")]
    [InlineData("{\"process\": {\"oomScoreAdj\": \"5\"}}", "config.json line 1: process.oomScoreAdj: expected a number, got a string")]
    [InlineData("{\"process\": {\"terminal\": null}}", "config.json line 1: process.terminal: expected true or false, got null")]
    [InlineData("{\"process\": {\"user\": {\"additionalGids\": [1, null]}}}", "config.json line 1: process.user.additionalGids[1]: expected a number, got null")]
    public void Refused_by_the_fast_reader_with_the_precise_message(string json, string message)
    {
        Assert.Null(SpecJsonReader.TryParseSpec(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(message, Assert.Throws<InvalidSpecException>(() => SpecLoader.Parse(json, "config.json")).Message);
    }

    [Theory]
    [InlineData("{\"hostname\": \"h\"} x")]
    [InlineData("{\"hostname\": \"h\"")]
    [InlineData("{\"hostname\": \"h\",,}")]
    [InlineData("{\"hostname\": 'h'}")]
    [InlineData("{\"x\": [1, 2}")]
    public void Broken_syntax_is_refused_and_said_as_invalid_json(string json)
    {
        Assert.Null(SpecJsonReader.TryParseSpec(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(": invalid JSON: ", Assert.Throws<InvalidSpecException>(() => SpecLoader.Parse(json, "config.json")).Message);
    }
}
