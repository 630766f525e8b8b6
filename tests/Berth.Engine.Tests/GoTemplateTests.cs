using Berth.Cli;
using Berth.Cli.Output;

namespace Berth.Engine.Tests;

public class GoTemplateTests
{
    private static readonly string[] Fields = ["ID", "Names", "Image"];

    private static TemplateRow Row => new(new Dictionary<string, string> { ["ID"] = "abc", ["Names"] = "web", ["Image"] = "busybox" },
        () => "{\"ID\":\"abc\"}", new Dictionary<string, string> { ["tier"] = "front" });

    [Fact]
    public void FieldsFunctionsAndEscapes()
    {
        Assert.Equal("abc web", GoTemplate.Parse("{{.ID}} {{.Names}}", Fields).Render(Row));
        Assert.Equal("abc\tweb\n", GoTemplate.Parse("{{.ID}}\\t{{ .Names }}\\n", Fields).Render(Row));
        Assert.Equal("{\"ID\":\"abc\"}", GoTemplate.Parse("{{json .}}", Fields).Render(Row));
        Assert.Equal("\"busybox\"", GoTemplate.Parse("{{json .Image}}", Fields).Render(Row));
        Assert.Equal("BUSYBOX front", GoTemplate.Parse("{{upper .Image}} {{.Label \"tier\"}}", Fields).Render(Row));
        var table = GoTemplate.Parse("table {{.ID}}\\t{{.Names}}", Fields);
        Assert.True(table.IsTable);
        Assert.Equal("abc\tweb", table.Render(Row));
        Assert.False(GoTemplate.Parse("tablet", Fields).IsTable);
    }

    [Fact]
    public void UnknownFieldsAreErrorsAtParse()
    {
        Assert.Contains("can't evaluate field .Bogus", Assert.Throws<UsageException>(() => GoTemplate.Parse("{{.Bogus}}", Fields)).Message);
        Assert.Throws<UsageException>(() => GoTemplate.Parse("{{.ID", Fields));
        Assert.Throws<UsageException>(() => GoTemplate.Parse("{{range .}}", Fields));
    }
}

public class UnitsTests
{
    [Fact]
    public void DockersSizeFormats()
    {
        Assert.Equal("64MiB", Units.BinarySize(64 << 20));
        Assert.Equal("1.5MiB", Units.BinarySize(1.5 * 1024 * 1024));
        Assert.Equal("476KiB", Units.BinarySize(476 * 1024));
        Assert.Equal("0B", Units.HumanSize3(0));
        Assert.Equal("1.03kB", Units.HumanSize3(1030));
        Assert.Equal("123MB", Units.HumanSize3(123_400_000));
    }
}
