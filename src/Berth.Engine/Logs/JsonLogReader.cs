using System.Text;
using System.Text.Json;

namespace Berth.Engine.Logs;

/// <summary>
/// Reads what <see cref="JsonLogWriter"/> wrote: the rotated files oldest first (FILE.N … FILE.1), then FILE.
/// <see cref="Follow"/> keeps reading FILE as it grows until told the container has stopped, then reads what
/// is left. A rotation shows as FILE shorter than what
/// was read so far; reading then restarts at its beginning.
/// </summary>
public static class JsonLogReader
{
    public static List<LogEntry> ReadAll(string path) => ReadAll(path, out _);

    /// <summary>
    /// Every entry, and in <paramref name="followFrom"/> the bytes of FILE they used: where <see cref="Follow"/>
    /// goes on, so a line written while this read is neither lost nor printed twice.
    /// </summary>
    public static List<LogEntry> ReadAll(string path, out long followFrom)
    {
        var entries = new List<LogEntry>();
        followFrom = 0;
        foreach (string file in Files(path))
        {
            using var stream = Open(file);
            long consumed = stream is null ? 0 : ReadLines(stream, entries.Add);
            if (file == path) followFrom = consumed;
        }
        return entries;
    }

    /// <summary>Emits entries appended after <paramref name="offset"/> of FILE until <paramref name="stillRunning"/> says no.</summary>
    public static void Follow(string path, long offset, Func<bool> stillRunning, Action<LogEntry> emit, CancellationToken cancellationToken)
    {
        while (true)
        {
            bool running = stillRunning();
            using (var stream = Open(path))
            {
                if (stream is not null)
                {
                    if (stream.Length < offset) offset = 0;
                    stream.Position = offset;
                    offset += ReadLines(stream, emit);
                }
            }
            if (!running || cancellationToken.IsCancellationRequested) return;
            Thread.Sleep(50);
        }
    }

    /// <summary>Parses complete lines (ending in \n) from the stream's position; returns the bytes consumed.</summary>
    public static long ReadLines(Stream stream, Action<LogEntry> emit)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var data = memory.GetBuffer().AsSpan(0, (int)memory.Length);
        long consumed = 0;
        while (true)
        {
            int newline = data.IndexOf((byte)'\n');
            if (newline < 0) return consumed;
            if (Parse(data[..newline]) is { } entry) emit(entry);
            consumed += newline + 1;
            data = data[(newline + 1)..];
        }
    }

    public static LogEntry? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            string? log = null, stream = null, time = null;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                string name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String) continue;
                if (name == "log") log = reader.GetString();
                else if (name == "stream") stream = reader.GetString();
                else if (name == "time") time = reader.GetString();
            }
            return log is null ? null : new LogEntry(Encoding.UTF8.GetBytes(log), stream == "stderr" ? 1 : 0, time ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Files(string path)
    {
        var rotated = new List<string>();
        for (int i = 1; File.Exists($"{path}.{i}"); i++) rotated.Add($"{path}.{i}");
        rotated.Reverse();
        return [.. rotated, path];
    }

    private static FileStream? Open(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
