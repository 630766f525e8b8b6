using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Berth.Oci;
using Berth.Oci.Tests.Json;
using Berth.Runtime.Process;
using Berth.Runtime.State;

namespace Berth.Runtime.Tests.State;

/// <summary>
/// state.json and the `state`/`list` output, written and read by hand (<see cref="StateJson"/>), against the
/// source-generated <see cref="RuntimeJsonContext"/>: the same bytes out, the same values in, the same
/// documents refused. The every-field sample is built by reflection, so a property added to ContainerState
/// or RuncState and not taught to StateJson fails here.
/// </summary>
public class StateJsonTests
{
    /// <summary>How `state` and `list --format json` printed through System.Text.Json (the former CliJsonContext).</summary>
    private static readonly RuntimeJsonContext IndentedContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });

    public static TheoryData<string> States => new() { "every-field", "default", "stopped-no-annotations" };

    private static ContainerState StateNamed(string name) => name switch
    {
        "every-field" => ModelSample.Create<ContainerState>(),
        "default" => new ContainerState(),
        _ => new ContainerState
        {
            Id = "c1", Pid = 4242, PidStartTime = 123456789, Bundle = "/b", Rootfs = "/b/rootfs",
            Created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Local), Owner = "root", Stopped = true,
            CgroupPaths = new() { [""] = "/sys/fs/cgroup/berth/c1" },
        },
    };

    private static byte[] Reference(ContainerState s) => JsonSerializer.SerializeToUtf8Bytes(s, RuntimeJsonContext.Default.ContainerState);

    [Theory]
    [MemberData(nameof(States))]
    public void State_json_is_written_byte_for_byte_as_the_context_writes_it(string name)
    {
        var state = StateNamed(name);

        Assert.Equal(Encoding.UTF8.GetString(Reference(state)), Encoding.UTF8.GetString(StateJson.Encode(state)));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void State_json_reads_back_every_value(string name)
    {
        byte[] written = Reference(StateNamed(name));

        var back = StateJson.TryDecode(written);

        Assert.NotNull(back);
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(Reference(back)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\": \"c\", \"future\": {\"a\": [1, {\"b\": null}]}, \"pid\": 7}")]
    [InlineData("{\"id\": \"c\", /* comment */ \"pid\": 7,}")]
    [InlineData("{\"annotations\": null, \"cgroupsPath\": null, \"cgroupPaths\": {\"a\": null}}")]
    [InlineData("{\"created\": \"2026-01-02T03:04:05+02:00\"}")]
    [InlineData("{\"created\": \"2026-01-02\"}")]
    [InlineData("{\"pid\": 1, \"pid\": 2}")]
    [InlineData("null")]
    [InlineData("{\"pid\": \"1\"}")]
    [InlineData("{\"pid\": 1.5}")]
    [InlineData("{\"pidStartTime\": -1}")]
    [InlineData("{\"created\": 5}")]
    [InlineData("{\"created\": null}")]
    [InlineData("{\"created\": \"yesterday\"}")]
    [InlineData("{\"stopped\": 1}")]
    [InlineData("{\"cgroupPaths\": [\"a\"]}")]
    [InlineData("{\"id\": \"c\"")]
    [InlineData("{\"id\": \"c\"} x")]
    [InlineData("[]")]
    [InlineData("")]
    public void The_reader_accepts_exactly_what_the_context_accepts_and_reads_the_same(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        ContainerState? reference;
        try
        {
            reference = JsonSerializer.Deserialize(utf8, RuntimeJsonContext.Default.ContainerState);
        }
        catch (JsonException)
        {
            reference = null;
        }

        var fast = StateJson.TryDecode(utf8);

        Assert.Equal(reference is null, fast is null);
        if (reference is not null) Assert.Equal(Reference(reference), Reference(fast!));
    }

    [Theory]
    [InlineData("{\"id\": \"c\",\n \"pid\": \"1\"}", "$.pid (line 2)")]
    [InlineData("{\"id\": \"c\"", "(line 1)")]
    public void A_damaged_state_json_is_one_line_naming_the_file_and_the_field(string json, string where)
    {
        string root = Directory.CreateTempSubdirectory("berth-test-state-").FullName;
        try
        {
            var store = new StateStore(root);
            Directory.CreateDirectory(store.Dir("c"));
            File.WriteAllText(Path.Combine(store.Dir("c"), "state.json"), json);

            var e = Assert.Throws<BerthException>(() => store.Load("c"));

            Assert.StartsWith($"{Path.Combine(root, "c", "state.json")}: damaged state at ", e.Message);
            Assert.Contains(where, e.Message);
            Assert.EndsWith($"remove {store.Dir("c")}", e.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_state_command_prints_what_the_context_printed()
    {
        var state = ModelSample.Create<RuncState>();

        Assert.Equal(JsonSerializer.Serialize(state, IndentedContext.RuncState), StateJson.RuncStateText(state));
        Assert.Equal(JsonSerializer.Serialize(new RuncState(), IndentedContext.RuncState), StateJson.RuncStateText(new RuncState()));
    }

    [Fact]
    public void The_list_command_prints_what_the_context_printed()
    {
        List<RuncState> states = [ModelSample.Create<RuncState>(), new RuncState { Id = "b", Status = "stopped" }];

        Assert.Equal(JsonSerializer.Serialize(states, IndentedContext.ListRuncState), StateJson.RuncStatesText(states));
        Assert.Equal(JsonSerializer.Serialize(new List<RuncState>(), IndentedContext.ListRuncState), StateJson.RuncStatesText([]));
    }
}
