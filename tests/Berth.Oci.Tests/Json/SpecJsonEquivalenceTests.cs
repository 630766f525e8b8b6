using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Berth.Oci.Json;
using Berth.Oci.Spec;
using Berth.Oci.Tests.Fixtures;
using OciSpec = Berth.Oci.Spec.Spec;
using OciState = Berth.Oci.Spec.State;

namespace Berth.Oci.Tests.Json;

/// <summary>
/// The hand-written reader and writer (SpecJsonReader/SpecJsonWriter) against the source-generated context
/// they replace on the hot path: same objects from the same documents, the same bytes from the same objects.
/// </summary>
public class SpecJsonEquivalenceTests
{
    internal static string Stj<T>(T value, JsonTypeInfo<T> info, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            JsonSerializer.Serialize(writer, value, info);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static OciSpec RootlessSpec()
    {
        var spec = DefaultSpec.Create();
        DefaultSpec.MakeRootless(spec, 1000, 1000);
        return spec;
    }

    private static OciSpec SeccompSpec()
    {
        var spec = DefaultSpec.Create();
        spec.Linux!.Seccomp = Berth.Oci.Seccomp.DockerDefaultProfile.Create(spec.Process!.Capabilities!.Bounding, "amd64", new Version(6, 1));
        return spec;
    }

    public static TheoryData<string> Documents() => new()
    {
        { RuncConfig.Json },
        { Stj(DefaultSpec.Create(), OciJsonContext.Default.Spec) },
        { Stj(RootlessSpec(), OciJsonContext.Default.Spec) },
        { Stj(SeccompSpec(), OciJsonContext.Default.Spec, indented: false) },
        { Stj(ModelSample.Create<OciSpec>(), OciJsonContext.Default.Spec) },
        { "{}" },
        { """{"ociVersion": null, "process": {"user": null, "args": ["a", null], "env": null, "cwd": null}, "annotations": {"a": null}, "mounts": [null]}""" },
        { """{"hostname": "a", "hostname": "b", "linux": {"sysctl": {"k": "1", "k": "2"}}, "process": {"args": ["x"]}, "process": {"cwd": "/"}}""" },
        { """{"\u0068ostname": "escaped name", "Hostname": "wrong case", "$id": "1", "x": {"y": [1, {"z": null}], "$ref": "2"}, "linux": {"sysctl": {"$id": "k"}}}""" },
        { "\n/* block */ { // line\n \"hostname\": \"h\" /* c */ , \"mounts\": [ {\"destination\": \"/d\",}, ], } // after\n" },
        { """{"process": {"user": {"uid": 4294967295, "gid": 0, "additionalGids": [0, 4294967295]}, "oomScoreAdj": -2147483648, "rlimits": [{"hard": 18446744073709551615, "soft": 0}]}}""" },
        { """{"linux": {"resources": {"blockIO": {"weight": 65535, "leafWeight": 0}, "memory": {"limit": -9223372036854775808, "swap": 9223372036854775807}}}}""" },
        { """{"linux": {"timeOffsets": {"monotonic": {"secs": -1, "nanosecs": 2}}, "netDevices": {"eth0": {}, "eth1": null}, "resources": {"rdma": {"mlx": {"hcaHandles": 1}, "x": null}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Fast_and_source_generated_readers_build_the_same_spec(string json)
    {
        var slow = JsonSerializer.Deserialize(json, OciJsonContext.Default.Spec)!;
        var fast = SpecJsonReader.TryParseSpec(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(fast);
        Assert.Equal(Stj(slow, OciJsonContext.Default.Spec), Stj(fast, OciJsonContext.Default.Spec));
        Assert.Equal(Stj(slow, OciJsonContext.Default.Spec), Stj(SpecLoader.Parse(json, "config.json"), OciJsonContext.Default.Spec));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_fast_writer_writes_the_same_bytes(string json)
    {
        var spec = JsonSerializer.Deserialize(json, OciJsonContext.Default.Spec)!;

        Assert.Equal(Stj(spec, OciJsonContext.Default.Spec), Encoding.UTF8.GetString(SpecJsonWriter.Serialize(spec)));
        Assert.Equal(Stj(spec, OciJsonContext.Default.Spec, indented: false), Encoding.UTF8.GetString(SpecJsonWriter.Serialize(spec, indented: false)));
        Assert.Equal(JsonSerializer.Serialize(spec, OciJsonContext.Default.Spec), Encoding.UTF8.GetString(SpecJsonWriter.Serialize(spec)));
    }

    [Fact]
    public void Every_property_of_every_model_class_is_in_the_full_sample()
    {
        string json = Stj(ModelSample.Create<OciSpec>(), OciJsonContext.Default.Spec);
        var classes = ModelSample.Reachable(typeof(OciSpec));

        Assert.True(classes.Count >= 35, $"only {classes.Count} model classes reachable from Spec");
        foreach (var type in classes)
        {
            foreach (var property in ModelSample.SettableProperties(type))
            {
                Assert.Contains($"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":", json);
            }
        }
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "tests run on the JIT")]
    public void Every_model_class_is_reachable_from_a_document_the_fast_path_reads()
    {
        var covered = ModelSample.Reachable(typeof(OciSpec)).Concat(ModelSample.Reachable(typeof(OciState))).ToHashSet();
        var model = typeof(OciSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == ModelSample.ModelNamespace && t.IsClass && t.IsPublic);

        Assert.Empty(model.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void The_full_sample_round_trips_through_the_fast_path_alone()
    {
        var sample = ModelSample.Create<OciSpec>();
        string expected = Stj(sample, OciJsonContext.Default.Spec);

        var back = SpecJsonReader.TryParseSpec(SpecJsonWriter.Serialize(sample));

        Assert.Equal(expected, Stj(back!, OciJsonContext.Default.Spec));
    }

    [Fact]
    public void A_process_document_alone()
    {
        var process = ModelSample.Create<Process>();
        string json = Stj(process, OciJsonContext.Default.Process);

        Assert.Equal(json, Stj(SpecJsonReader.TryParseProcess(Encoding.UTF8.GetBytes(json))!, OciJsonContext.Default.Process));
        Assert.Equal(json, Encoding.UTF8.GetString(SpecJsonWriter.Serialize(process)));
        Assert.Equal(json, Stj(SpecLoader.ParseProcess(json, "process.json"), OciJsonContext.Default.Process));
    }

    [Fact]
    public void A_resources_document_alone()
    {
        var resources = ModelSample.Create<Resources>();
        string json = Stj(resources, OciJsonContext.Default.Resources);

        Assert.Equal(json, Stj(SpecJsonReader.TryParseResources(Encoding.UTF8.GetBytes(json))!, OciJsonContext.Default.Resources));
        Assert.Equal(json, Stj(SpecLoader.ParseResources(json, "resources.json"), OciJsonContext.Default.Resources));
    }

    [Fact]
    public void A_state_document_both_ways()
    {
        var state = ModelSample.Create<OciState>();
        string json = Stj(state, OciJsonContext.Default.State, indented: false);

        Assert.Equal(json, Encoding.UTF8.GetString(SpecJsonWriter.Serialize(state, indented: false)));
        Assert.Equal(json, Stj(SpecJsonReader.TryParseState(Encoding.UTF8.GetBytes(json))!, OciJsonContext.Default.State, indented: false));
    }

    [Fact]
    public void A_utf8_bom_is_skipped_as_File_ReadAllText_did()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. "{\"hostname\": \"h\"}"u8];

        Assert.Equal("h", SpecLoader.ParseUtf8(utf8, "config.json").Hostname);
    }
}
