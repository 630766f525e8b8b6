using System.Text.Json;

namespace Berth.RuntimeCli;

/// <summary>runc's global flags: --root, --log, --log-format text|json, --debug, --systemd-cgroup (accepted), --trace.</summary>
public sealed class GlobalOptions
{
    public string? Root { get; set; }
    public string? Log { get; set; }
    public string LogFormat { get; set; } = "text";
    public bool Debug { get; set; }
    public bool SystemdCgroup { get; set; }

    public static readonly HashSet<string> Booleans = ["debug", "systemd-cgroup", "trace", "help", "h", "version", "v"];
    public static readonly HashSet<string> Valued = ["root", "log", "log-format", "criu", "rootless"];

    /// <summary>Writes an error where containerd's shim and podman/conmon read it: the --log file (text or json) and stderr.</summary>
    public void ReportError(string message)
    {
        Console.Error.WriteLine($"berth-runtime: {message}");
        if (string.IsNullOrEmpty(Log)) return;
        try
        {
            string time = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
            string line = LogFormat == "json"
                ? $"{{\"level\":\"error\",\"msg\":{JsonEncode(message)},\"time\":\"{time}\"}}"
                : $"time=\"{time}\" level=error msg={JsonEncode(message)}";
            File.AppendAllText(Log, line + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"berth-runtime: cannot write --log {Log}: {e.Message}");
        }
    }

    private static string JsonEncode(string s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) w.WriteStringValue(s);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
