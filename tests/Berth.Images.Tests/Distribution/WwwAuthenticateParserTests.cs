using Berth.Images.Distribution;

namespace Berth.Images.Tests.Distribution;

public class WwwAuthenticateParserTests
{
    [Fact]
    public void Parses_docker_hub_bearer_challenge()
    {
        var c = Assert.Single(WwwAuthenticateParser.Parse(["Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\""]));
        Assert.True(c.IsBearer);
        Assert.Equal("https://auth.docker.io/token", c["realm"]);
        Assert.Equal("registry.docker.io", c["service"]);
        Assert.Equal("repository:library/alpine:pull", c["scope"]);
    }

    [Fact]
    public void Quoted_values_keep_commas_and_escapes_and_several_challenges_split()
    {
        var list = WwwAuthenticateParser.Parse(["Bearer realm=\"https://a/t\",scope=\"repository:x:pull,push\", Basic realm=\"say \\\"hi\\\"\""]);
        Assert.Equal(2, list.Count);
        Assert.Equal("repository:x:pull,push", list[0]["scope"]);
        Assert.True(list[1].IsBasic);
        Assert.Equal("say \"hi\"", list[1]["realm"]);
    }

    [Fact]
    public void Unquoted_parameters_and_case_insensitive_names()
    {
        var c = Assert.Single(WwwAuthenticateParser.Parse(["basic Realm=registry"]));
        Assert.True(c.IsBasic);
        Assert.Equal("registry", c["realm"]);
    }
}
