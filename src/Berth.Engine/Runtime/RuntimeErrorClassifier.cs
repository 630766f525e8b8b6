using System.Text.Json;

namespace Berth.Engine.Runtime;

/// <summary>
/// Turns what an OCI runtime wrote to its --log (JSON lines: {"level":"error","msg":...}; or plain text) into
/// one message, and the message into docker's exit code: 127 when the command was not found, 126 when it
/// cannot be executed (permission denied), 125 for anything else (moby's translateContainerdStartErr). Pure.
/// </summary>
public static class RuntimeErrorClassifier
{
    public static string LastError(string log)
    {
        string? last = null;
        foreach (string raw in log.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    string level = root.TryGetProperty("level", out var l) ? l.GetString() ?? "" : "error";
                    if (level is "error" or "fatal" && root.TryGetProperty("msg", out var m)) last = m.GetString();
                    continue;
                }
                catch (JsonException)
                {
                }
            }
            last = line;
        }
        return last ?? "";
    }

    public static int ExitCode(string message)
    {
        string m = message.ToLowerInvariant();
        if (m.Contains("executable file not found") || m.Contains("no such file") || m.Contains("not found in $path") || m.Contains("command not found"))
        {
            return 127;
        }
        return m.Contains("permission denied") || m.Contains("exec format error") || m.Contains("is a directory") ? 126 : 125;
    }
}
