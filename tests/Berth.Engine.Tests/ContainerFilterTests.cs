using Berth.Engine.Containers;
using Berth.Engine.State;

namespace Berth.Engine.Tests;

public class ContainerFilterTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ContainerRecord C(string id, string name, string state, int? code = null, int minutes = 0, string image = "sha256:aaa") =>
        new() { Id = id.PadRight(64, '0'), Name = name, State = state, ExitCode = code, Created = T0.AddMinutes(minutes), ImageId = image };

    private static readonly List<ContainerRecord> All =
    [
        C("abc1", "web", ContainerStatus.Running, minutes: 1),
        C("abc2", "db", ContainerStatus.Exited, 3, minutes: 2, image: "sha256:bbb"),
        C("def3", "web-cache", ContainerStatus.Paused, minutes: 3),
        C("def4", "job", ContainerStatus.Created, minutes: 4),
    ];

    private static readonly Dictionary<string, Dictionary<string, string>> LabelsOf = new()
    {
        ["web"] = new() { ["tier"] = "front", ["env"] = "prod" }, ["db"] = new() { ["tier"] = "back", ["env"] = "prod" },
    };

    private static List<string> Names(params string[] filters)
    {
        var f = ContainerFilter.Parse(filters);
        return All.Where(c => f.Matches(c, LabelsOf.GetValueOrDefault(c.Name) ?? [], k => All.FirstOrDefault(x => x.Name == k || x.Id.StartsWith(k, StringComparison.Ordinal)),
            image => image switch { "busybox" or "busybox:latest" => "sha256:aaa", "postgres" => "sha256:bbb", _ => null })).Select(c => c.Name).ToList();
    }

    [Fact]
    public void RestartPolicyReadsTheContainersConfig()
    {
        ContainerRecord With(string name, string? restart)
        {
            var c = C(name, name, ContainerStatus.Exited);
            c.Config = System.Text.Json.JsonSerializer.Serialize(new Specs.ContainerConfig { Options = new Specs.CreateOptions { Restart = restart } }, EngineJsonContext.Default.ContainerConfig);
            return c;
        }
        ContainerRecord[] list = [With("none", null), With("always", "always"), With("retry", "on-failure:3"), With("unless", "unless-stopped"), With("no", "no")];
        List<string> Matching(params string[] filters)
        {
            var f = ContainerFilter.Parse(filters);
            return list.Where(c => f.Matches(c, new Dictionary<string, string>(), _ => null, _ => null)).Select(c => c.Name).ToList();
        }
        Assert.Equal(["always", "unless"], Matching("restart-policy=always", "restart-policy=unless-stopped"));
        Assert.Equal(["none", "no"], Matching("restart-policy=no"));
        Assert.Equal(["retry"], Matching("restart-policy=on-failure"));
        Assert.Contains("use one of no, on-failure, always, unless-stopped", Assert.Throws<InvalidOptionException>(() => ContainerFilter.Parse(["restart-policy=sometimes"])).Message);
    }

    [Fact]
    public void EachKey()
    {
        Assert.Equal(["web", "db"], Names("id=abc"));
        Assert.Equal(["web", "web-cache"], Names("name=web"));
        Assert.Equal(["web"], Names("name=^/web$"));
        Assert.Equal(["web", "db"], Names("label=env=prod"));
        Assert.Equal(["web"], Names("label=env=prod", "label=tier=front"));
        Assert.Equal(["web", "db"], Names("label=tier"));
        Assert.Equal(["db", "web-cache"], Names("status=exited", "status=paused"));
        Assert.Equal(["db"], Names("exited=3"));
        Assert.Empty(Names("exited=0"));
        Assert.Equal(["db"], Names("ancestor=postgres"));
        Assert.Equal(["web", "web-cache", "job"], Names("ancestor=busybox"));
        Assert.Empty(Names("ancestor=nothing"));
        Assert.Equal(["web", "db"], Names("before=web-cache"));
        Assert.Equal(["job"], Names("since=web-cache"));
        Assert.Equal(["web"], Names("name=web", "status=running"));
    }

    [Fact]
    public void ImpliesAllAndErrors()
    {
        Assert.True(ContainerFilter.Parse(["status=exited"]).ImpliesAll);
        Assert.True(ContainerFilter.Parse(["since=x"]).ImpliesAll);
        Assert.False(ContainerFilter.Parse(["name=x"]).ImpliesAll);
        Assert.Contains("invalid filter 'bogus'", Assert.Throws<InvalidOptionException>(() => ContainerFilter.Parse(["bogus=1"])).Message);
        Assert.Contains("status=sleeping", Assert.Throws<InvalidOptionException>(() => ContainerFilter.Parse(["status=sleeping"])).Message);
        Assert.Throws<InvalidOptionException>(() => ContainerFilter.Parse(["exited=x"]));
        Assert.Throws<InvalidOptionException>(() => ContainerFilter.Parse(["novalue"]));
        Assert.Throws<InvalidOptionException>(() => Names("name=("));
        Assert.Throws<ContainerNotFoundException>(() => Names("before=nothing"));
    }
}
