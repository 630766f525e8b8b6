using Berth.Cli;
using Berth.Cli.Output;

namespace Berth.Images.Tests.Cli;

public class CliTests
{
    [Fact]
    public void Flags_may_follow_arguments_and_bundle()
    {
        var args = CommandArgs.Parse(["alpine", "-qa", "--platform=linux/arm64", "--filter", "a=1", "-f", "b=2"], "x",
            new HashSet<string> { "q", "a" }, new HashSet<string> { "platform", "filter", "f" });
        Assert.Equal(["alpine"], args.Positional);
        Assert.True(args.Has("q") && args.Has("a"));
        Assert.Equal("linux/arm64", args.Get("platform"));
        Assert.Equal(["a=1", "b=2"], args.GetAll("filter", "f"));
    }

    [Fact]
    public void Unknown_flag_is_a_usage_error()
    {
        Assert.Contains("--nope", Assert.Throws<UsageException>(() => CommandArgs.Parse(["--nope"], "pull", new HashSet<string>(), new HashSet<string>())).Message);
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1032219, "1.032MB")]
    [InlineData(123456789, "123.5MB")]
    [InlineData(7_800_000, "7.8MB")]
    public void Sizes_like_docker(long bytes, string expected) => Assert.Equal(expected, Units.HumanSize(bytes));

    [Fact]
    public void Label_filter_matches_a_key_or_a_key_and_value()
    {
        var labels = new Dictionary<string, string> { ["tier"] = "web", ["empty"] = "" };
        Assert.True(Berth.Cli.Commands.Image.ListCommand.HasLabel(labels, "tier"));
        Assert.True(Berth.Cli.Commands.Image.ListCommand.HasLabel(labels, "tier=web"));
        Assert.False(Berth.Cli.Commands.Image.ListCommand.HasLabel(labels, "tier=db"));
        Assert.True(Berth.Cli.Commands.Image.ListCommand.HasLabel(labels, "empty="));
        Assert.False(Berth.Cli.Commands.Image.ListCommand.HasLabel(labels, "other"));
        Assert.False(Berth.Cli.Commands.Image.ListCommand.HasLabel(null, "tier"));
    }
}
