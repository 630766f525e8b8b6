namespace Berth.Oci.Tests;

/// <summary>Bad config.json gives one line: the source, the 1-based line, the JSON path and what was wrong.</summary>
public class JsonErrorMessageTests
{
    private static string ErrorFor(string json) =>
        Assert.Throws<InvalidSpecException>(() => SpecLoader.Parse(json, "config.json")).Message;

    [Fact]
    public void A_string_where_a_number_belongs()
    {
        string json = "{\n  \"ociVersion\": \"1.2.0\",\n  \"process\": {\n    \"cwd\": \"/\",\n    \"args\": [\"sh\"],\n    \"user\": {\n      \"uid\": \"0\"\n    }\n  }\n}";

        Assert.Equal("config.json line 7: process.user.uid: expected a number, got a string", ErrorFor(json));
    }

    [Theory]
    [InlineData("{\n\"mounts\": [{\"destination\": \"/a\"},\n{\"destination\": 5}]}", "config.json line 3: mounts[1].destination: expected a string, got a number")]
    [InlineData("{\n\"mounts\": {}}", "config.json line 2: mounts: expected an array, got an object")]
    [InlineData("{\"process\": {\"terminal\": \"yes\"}}", "config.json line 1: process.terminal: expected true or false, got a string")]
    [InlineData("{\"process\": {\"user\": {\"uid\": null}}}", "config.json line 1: process.user.uid: expected a number, got null")]
    [InlineData("{\"process\": \"sh\"}", "config.json line 1: process: expected an object, got a string")]
    [InlineData("{\"linux\": {\"sysctl\": {\"net.ipv4.ip_forward\": 1}}}", "config.json line 1: linux.sysctl['net.ipv4.ip_forward']: expected a string, got a number")]
    [InlineData("{\"linux\": {\"namespaces\": [{\"type\": [\"pid\"]}]}}", "config.json line 1: linux.namespaces[0].type: expected a string, got an array")]
    [InlineData("[]", "config.json line 1: expected an object, got an array")]
    public void A_value_of_the_wrong_kind(string json, string expected) => Assert.Equal(expected, ErrorFor(json));

    [Theory]
    [InlineData("{\"process\": {\"user\": {\"uid\": -1}}}", "process.user.uid: expected a whole number from 0 to 4294967295, got -1")]
    [InlineData("{\"process\": {\"rlimits\": [{\"type\": \"RLIMIT_NOFILE\", \"soft\": 1.5}]}}", "process.rlimits[0].soft: expected a whole number from 0 to 18446744073709551615, got 1.5")]
    public void A_number_out_of_range(string json, string expected) => Assert.Equal("config.json line 1: " + expected, ErrorFor(json));

    [Fact]
    public void Broken_syntax_keeps_the_readers_words()
    {
        string json = "{\n \"ociVersion\": \"1.0.2\",\n \"process\": {\"args\": [\"a\",}\n}";

        Assert.Equal("config.json line 3: process.args[1]: invalid JSON: '}' is an invalid start of a value", ErrorFor(json));
    }

    [Fact]
    public void An_unclosed_document_is_invalid_json()
    {
        Assert.StartsWith("config.json line 1: invalid JSON: Expected depth to be zero", ErrorFor("{\"ociVersion\": \"1\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_document(string json) =>
        Assert.Equal("config.json: the document is empty (expected a JSON object)", ErrorFor(json));

    [Fact]
    public void A_null_document() => Assert.Equal("config.json line 1: expected an object, got null", ErrorFor("null"));

    [Fact]
    public void The_message_is_one_line_and_keeps_the_cause()
    {
        var e = Assert.Throws<InvalidSpecException>(() => SpecLoader.Parse("{\"hostname\": 1}", "config.json"));

        Assert.DoesNotContain('\n', e.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var spec = SpecLoader.Parse("{\n// a comment\n\"hostname\": \"h\",\n}", "config.json");

        Assert.Equal("h", spec.Hostname);
    }

    [Fact]
    public void Unknown_fields_are_ignored_as_runc_does()
    {
        var spec = SpecLoader.Parse("""{"hostname": "h", "windows": {"layerFolders": []}, "x-extra": 1}""", "config.json");

        Assert.Equal("h", spec.Hostname);
    }
}
