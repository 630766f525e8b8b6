using System.Text.Json;
using Berth.Cli;
using Berth.Cli.Output;

namespace Berth.Engine.Tests;

/// <summary>`inspect --format`: Go template actions over an inspected object's JSON, printed as docker prints them.</summary>
public class JsonTemplateTests
{
    private const string Container = """
        {"Id":"abc123","Name":"/web","State":{"Running":true,"Pid":4242,"ExitCode":0,"Status":"running"},
         "Config":{"Env":["PATH=/bin","A=1"],"Cmd":["sh","-c","echo hi"],"Labels":{"tier":"front","app.name":"shop"},"Tty":false,"Volumes":null},
         "Mounts":[{"Source":"/v1","Destination":"/data"},{"Source":"/v2","Destination":"/logs"}],
         "NetworkSettings":{"IPAddress":"10.88.0.5","Ports":{}},"SizeRw":1.5}
        """;

    private static string Render(string template)
    {
        using var doc = JsonDocument.Parse(Container);
        return JsonTemplate.Parse(template).Render(doc.RootElement);
    }

    [Theory]
    [InlineData("{{.State.Pid}}", "4242")]
    [InlineData("{{.Name}} {{.State.Status}}", "/web running")]
    [InlineData("{{.NetworkSettings.IPAddress}}", "10.88.0.5")]
    [InlineData("{{.State.Running}}", "true")]
    [InlineData("{{.SizeRw}}", "1.5")]
    [InlineData("{{.Config.Cmd}}", "[sh -c echo hi]")]
    [InlineData("{{.Config.Labels}}", "map[app.name:shop tier:front]")]
    [InlineData("{{.Config.Volumes}}", "<nil>")]
    [InlineData("{{.Nope}}", "<no value>")]
    [InlineData("{{.State.Nope.Deeper}}", "<no value>")]
    [InlineData("{{json .Config.Cmd}}", "[\"sh\",\"-c\",\"echo hi\"]")]
    [InlineData("{{json .State}}", "{\"Running\":true,\"Pid\":4242,\"ExitCode\":0,\"Status\":\"running\"}")]
    [InlineData("{{json .Nope}}", "null")]
    [InlineData("{{index .Config.Labels \"app.name\"}}", "shop")]
    [InlineData("{{index .Config.Env 1}}", "A=1")]
    [InlineData("{{index .Mounts 1 \"Source\"}}", "/v2")]
    [InlineData("{{join .Config.Cmd \",\"}}", "sh,-c,echo hi")]
    [InlineData("{{len .Mounts}} {{len .Config.Labels}}", "2 2")]
    [InlineData("{{upper .State.Status}} {{lower \"ABC\"}}", "RUNNING abc")]
    [InlineData("{{range .Mounts}}{{.Source}}:{{.Destination}} {{end}}", "/v1:/data /v2:/logs ")]
    [InlineData("{{range .Config.Env}}[{{.}}]{{end}}", "[PATH=/bin][A=1]")]
    [InlineData("{{range .NetworkSettings.Ports}}x{{else}}none{{end}}", "none")]
    [InlineData("{{if .State.Running}}up{{else}}down{{end}}", "up")]
    [InlineData("{{if .State.ExitCode}}failed{{else}}ok{{end}}", "ok")]
    [InlineData("{{if .Config.Tty}}tty{{end}}", "")]
    [InlineData("{{if len .Mounts}}has mounts{{end}}", "has mounts")]
    [InlineData("a\\tb\\n", "a\tb\n")]
    [InlineData("{{.Id}} {{- \" x \" -}} {{.Name}}", "abc123 x /web")]
    [InlineData("{{println .Id .Name}}", "abc123 /web\n")]
    public void RendersLikeDocker(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{.Id")]
    [InlineData("{{range .Mounts}}{{.Source}}")]
    [InlineData("{{end}}")]
    [InlineData("{{nosuchfunc .Id}}")]
    [InlineData("{{index .Config}}")]
    [InlineData("{{.Id | upper}}")]
    [InlineData("{{$x := .Id}}")]
    [InlineData("{{}}")]
    public void BadTemplatesAreUsageErrors(string template)
    {
        var e = Assert.Throws<UsageException>(() => JsonTemplate.Parse(template));
        Assert.Contains("template", e.Message);
    }

    [Fact]
    public void IndexOutOfRangeIsAnError() =>
        Assert.Throws<UsageException>(() => Render("{{index .Config.Env 5}}"));
}
