using Berth.Cgroups.Stats;

namespace Berth.Cgroups.Tests;

/// <summary>The statistics file parsers on samples of each kernel format, and malformed text naming the file.</summary>
public sealed class StatTextTests
{
    [Fact]
    public void Flat_keyed_skips_lines_that_are_not_key_and_number() =>
        Assert.Equal(new Dictionary<string, ulong> { ["cache"] = 1, ["rss"] = 2 }, StatText.FlatKeyed("cache 1\nrss 2\nweird\nname text\n"));

    [Theory]
    [InlineData("0-3,5", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("7\n", new[] { 7 })]
    public void Cpu_lists_expand_ranges(string text, int[] expected) =>
        Assert.Equal(expected, StatText.CpuList(text, "f")!.Select(c => (int)c));

    [Fact]
    public void An_empty_cpu_list_is_null() => Assert.Null(StatText.CpuList("\n", "f"));

    [Theory]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    public void A_bad_cpu_range_names_the_file(string text)
    {
        var error = Assert.Throws<CgroupException>(() => StatText.CpuList(text, "/cg/cpuset.cpus"));
        Assert.StartsWith("read /cg/cpuset.cpus:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blkio_lines_with_and_without_operations()
    {
        List<BlkioEntry> entries = StatText.Blkio("8:0 Read 10\n8:16 20\nTotal 30\n", "f");
        Assert.Equal([new BlkioEntry { Major = 8, Op = "Read", Value = 10 }, new BlkioEntry { Major = 8, Minor = 16, Value = 20 }], entries);
    }

    [Fact]
    public void A_malformed_blkio_device_names_the_file()
    {
        var error = Assert.Throws<CgroupException>(() => StatText.Blkio("8-0 Read 10\n", "/cg/blkio.x"));
        Assert.Equal("read /cg/blkio.x: \"8-0\" is not a major:minor device number", error.Message);
    }

    [Fact]
    public void Unsigned_maps_max_and_refuses_text()
    {
        Assert.Equal(ulong.MaxValue, StatText.Unsigned("max\n", "f"));
        Assert.Equal(0UL, StatText.Unsigned("max", "f", max: 0));
        Assert.Throws<CgroupException>(() => StatText.Unsigned("-5", "f"));
    }

    [Fact]
    public void Pressure_without_a_full_line_leaves_it_zero()
    {
        PsiStats psi = StatText.Psi("some avg10=2.00 avg60=1.00 avg300=0.50 total=77\n", "f");
        Assert.Equal((2.0, 1.0, 0.5, 77UL), (psi.Some.Avg10, psi.Some.Avg60, psi.Some.Avg300, psi.Some.Total));
        Assert.Equal(0UL, psi.Full.Total);
    }

    [Fact]
    public void Cpuacct_usage_all_splits_user_and_system_per_cpu()
    {
        var (user, kernel) = V1.CpuacctController.UsageAll("cpu user system\n0 10 1\n1 20 2\n", "f");
        Assert.Equal([10UL, 20UL], user);
        Assert.Equal([1UL, 2UL], kernel);
    }
}
