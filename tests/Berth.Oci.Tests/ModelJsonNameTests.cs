using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Oci.Spec;
using LinuxConfig = Berth.Oci.Spec.Linux;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci.Tests;

/// <summary>The JSON names the camelCase policy produces for the spec's irregular names (IDs, acronyms).</summary>
public class ModelJsonNameTests
{
    private static JsonNode Serialize(OciSpec spec) =>
        JsonNode.Parse(JsonSerializer.Serialize(spec, OciJsonContext.Default.Spec))!;

    [Fact]
    public void Acronym_names_match_the_spec()
    {
        var spec = new OciSpec
        {
            Process = new Process { ExecCPUAffinity = new ExecCpuAffinity { Initial = "0" }, OomScoreAdj = 1, IoPriority = new IoPriority() },
            Linux = new LinuxConfig
            {
                UidMappings = [new IdMapping()],
                IntelRdt = new IntelRdt { ClosID = "a", L3CacheSchema = "b", MemBwSchema = "c", EnableCMT = true, EnableMBM = true },
                Resources = new Resources
                {
                    Memory = new Memory { KernelTCP = 1, DisableOOMKiller = true },
                    BlockIO = new BlockIO { ThrottleReadIOPSDevice = [], ThrottleWriteBpsDevice = [] },
                    Network = new Network { ClassID = 1 },
                },
                NetDevices = new() { ["eth0"] = new NetDevice { Name = "e" } },
            },
        };

        var json = Serialize(spec);

        Assert.NotNull(json["process"]!["execCPUAffinity"]!["initial"]);
        Assert.NotNull(json["process"]!["oomScoreAdj"]);
        Assert.NotNull(json["process"]!["ioPriority"]);
        var linux = json["linux"]!;
        Assert.Equal("{\"containerID\":0,\"hostID\":0,\"size\":0}", linux["uidMappings"]![0]!.ToJsonString());
        Assert.Equal(["closID", "enableCMT", "enableMBM", "l3CacheSchema", "memBwSchema"],
            linux["intelRdt"]!.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal));
        var resources = linux["resources"]!;
        Assert.NotNull(resources["memory"]!["kernelTCP"]);
        Assert.NotNull(resources["memory"]!["disableOOMKiller"]);
        Assert.NotNull(resources["blockIO"]!["throttleReadIOPSDevice"]);
        Assert.NotNull(resources["blockIO"]!["throttleWriteBpsDevice"]);
        Assert.NotNull(resources["network"]!["classID"]);
        Assert.Equal("e", linux["netDevices"]!["eth0"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Nulls_are_left_out()
    {
        var json = Serialize(new OciSpec { OciVersion = "1.2.1" }).AsObject();

        Assert.Equal(["ociVersion"], json.Select(kv => kv.Key));
    }

    [Fact]
    public void State_serializes_with_spec_names()
    {
        var state = new State { Id = "c", Status = "created", Pid = 7, Bundle = "/b" };

        string json = JsonSerializer.Serialize(state, OciJsonContext.Default.State);

        Assert.Equal(SpecVersion.Current, JsonNode.Parse(json)!["ociVersion"]!.GetValue<string>());
        Assert.Contains("\"bundle\": \"/b\"", json);
    }
}
