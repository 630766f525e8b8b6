namespace Berth.Engine.Logs;

/// <summary>One json-file log entry: the bytes written (with their \n), stdout (0) or stderr (1), and when.</summary>
public sealed record LogEntry(byte[] Data, int Stream, string Time);
