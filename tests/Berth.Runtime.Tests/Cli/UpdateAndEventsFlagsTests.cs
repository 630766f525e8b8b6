using Berth.Oci.Spec;
using Berth.RuntimeCli;
using Berth.RuntimeCli.Commands;

namespace Berth.Runtime.Tests.Cli;

public class UpdateAndEventsFlagsTests
{
    [Theory]
    [InlineData("100", 100L)]
    [InlineData("64k", 64L << 10)]
    [InlineData("512m", 512L << 20)]
    [InlineData("2G", 2L << 30)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("10mb", 10L << 20)]
    [InlineData("-1", -1L)]
    public void Sizes_take_runcs_units(string text, long expected) => Assert.Equal(expected, UpdateFlags.Size(text, "memory"));

    [Theory]
    [InlineData("12x")]
    [InlineData("")]
    [InlineData("m")]
    public void A_bad_size_names_the_flag(string text)
    {
        var e = Assert.Throws<UsageException>(() => UpdateFlags.Size(text, "memory"));
        Assert.Contains("--memory", e.Message);
    }

    [Fact]
    public void Only_the_flags_given_are_set()
    {
        var flags = new Dictionary<string, string> { ["pids-limit"] = "42", ["cpu-shares"] = "512" };
        var r = UpdateFlags.Apply(new Resources(), k => flags.GetValueOrDefault(k));
        Assert.Equal(42, r.Pids!.Limit);
        Assert.Equal(512UL, r.Cpu!.Shares);
        Assert.Null(r.Cpu.Quota);
        Assert.Null(r.Memory);
    }

    [Theory]
    [InlineData("5s", 5000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90000)]
    [InlineData("0.5s", 500)]
    public void Intervals_are_go_durations(string text, int ms) => Assert.Equal(TimeSpan.FromMilliseconds(ms), EventsCommand.Duration(text));

    [Theory]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("0s")]
    public void A_bad_interval_is_refused(string text) => Assert.Throws<UsageException>(() => EventsCommand.Duration(text));
}
