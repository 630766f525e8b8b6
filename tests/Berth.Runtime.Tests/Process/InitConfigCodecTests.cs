using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Berth.Oci;
using Berth.Oci.Tests.Json;
using Berth.Runtime.Process;
using Berth.Runtime.Seccomp;

namespace Berth.Runtime.Tests.Process;

/// <summary>The Config message (runtime → init), encoded by hand: everything the runtime sets arrives in the init.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "tests run on the JIT")]
public class InitConfigCodecTests
{
    [Fact]
    public void Every_field_of_a_full_config_round_trips()
    {
        var config = ModelSample.Create<InitConfig>();

        var back = InitConfigCodec.Decode(InitConfigCodec.Encode(config));

        AssertDeepEqual(config, back, "config");
        Assert.Equal(InitConfigCodec.Encode(config), InitConfigCodec.Encode(back));
    }

    [Fact]
    public void A_default_config_for_exec_round_trips()
    {
        var config = new InitConfig { Mode = "exec", Spec = DefaultSpec.Create(), Id = "c1", Seccomp = null };

        var back = InitConfigCodec.Decode(InitConfigCodec.Encode(config));

        AssertDeepEqual(config, back, "config");
        Assert.Null(back.Seccomp);
        Assert.Equal(-1, back.ConsoleSocketFd);
    }

    [Fact]
    public void The_seccomp_filter_bytes_arrive_whole()
    {
        byte[] filter = Enumerable.Range(0, 8 * 300).Select(i => (byte)i).ToArray();
        var config = new InitConfig { Seccomp = new SeccompProgram { Filter = filter, Flags = 3, DefaultAction = "SCMP_ACT_ERRNO(EPERM)" } };

        var back = InitConfigCodec.Decode(InitConfigCodec.Encode(config));

        Assert.Equal(filter, back.Seccomp!.Filter);
        Assert.Equal(300, back.Seccomp.InstructionCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"mode\": \"create\"")]
    [InlineData("{\"mode\": 1}")]
    [InlineData("{\"unknown\": 1}")]
    [InlineData("{\"spec\": {\"process\": {\"user\": {\"uid\": -1}}}}")]
    public void A_message_that_does_not_decode_is_said_so(string payload)
    {
        var e = Assert.Throws<BerthException>(() => InitConfigCodec.Decode(Encoding.UTF8.GetBytes(payload)));

        Assert.Contains("config message", e.Message);
    }

    /// <summary>Every public settable property, all the way down, equal.</summary>
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
            return;
        }
        Type t = expected.GetType();
        Assert.Equal(t, actual.GetType());
        if (t.IsPrimitive || expected is string || t.IsEnum)
        {
            Assert.True(Equals(expected, actual), $"{path}: {expected} vs {actual}");
        }
        else if (expected is IDictionary e && actual is IDictionary a)
        {
            Assert.Equal(e.Count, a.Count);
            foreach (DictionaryEntry entry in e) AssertDeepEqual(entry.Value, a[entry.Key], $"{path}['{entry.Key}']");
        }
        else if (expected is IList el && actual is IList al)
        {
            Assert.Equal(el.Count, al.Count);
            for (int i = 0; i < el.Count; i++) AssertDeepEqual(el[i], al[i], $"{path}[{i}]");
        }
        else
        {
            foreach (var p in ModelSample.SettableProperties(t)) AssertDeepEqual(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}");
        }
    }
}
