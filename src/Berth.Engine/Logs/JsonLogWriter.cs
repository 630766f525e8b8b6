using Berth.Engine.Interop;

namespace Berth.Engine.Logs;

/// <summary>
/// Docker's json-file log driver: one JSON object per line of output,
/// <c>{"log":"hi\n","stream":"stdout","time":"2024-01-02T03:04:05.123456789Z"}</c>, appended to FILE. A line
/// longer than 16 KiB is cut into pieces (each without the trailing \n, as docker's partial messages). When the
/// file reaches the size limit it is rotated: FILE.1 … FILE.(N-1) shift up, FILE becomes FILE.1 and a new FILE
/// starts (N = max files; with 1 the file is truncated). Writes go straight to the descriptor with write(2):
/// the monitor that owns this writer must stay small. Shared (linked source) by Berth.Engine and berth-monitor.
/// </summary>
internal sealed unsafe class JsonLogWriter : IDisposable
{
    public const int MaxLine = 16 * 1024;
    private readonly string _path;
    private readonly long _maxSize;
    private readonly int _maxFiles;
    // Uninitialized: the GC does not zero them, so a page is only paid for (RSS) once output reaches it; a quiet
    // container's monitor keeps them untouched (the 96 KiB entry buffer is on the large object heap).
    private readonly byte[][] _pending = [GC.AllocateUninitializedArray<byte>(MaxLine), GC.AllocateUninitializedArray<byte>(MaxLine)];
    private readonly int[] _pendingLength = new int[2];
    private readonly byte[] _entry = GC.AllocateUninitializedArray<byte>(MaxLine * 6 + 128);
    private int _fd = -1;
    private long _size;

    public JsonLogWriter(string path, long maxSize, int maxFiles)
    {
        (_path, _maxSize, _maxFiles) = (path, maxSize, Math.Max(1, maxFiles));
        Open(truncate: false);
    }

    /// <summary>Output read from the container's stdout (stream 0) or stderr (stream 1).</summary>
    public void Append(int stream, ReadOnlySpan<byte> data)
    {
        byte[] pending = _pending[stream];
        while (data.Length > 0)
        {
            int newline = data.IndexOf((byte)'\n');
            int take = newline >= 0 ? newline + 1 : data.Length;
            take = Math.Min(take, MaxLine - _pendingLength[stream]);
            data[..take].CopyTo(pending.AsSpan(_pendingLength[stream]));
            _pendingLength[stream] += take;
            data = data[take..];
            if (pending[_pendingLength[stream] - 1] == '\n' || _pendingLength[stream] == MaxLine) FlushStream(stream);
        }
    }

    /// <summary>Writes what is left of an unfinished last line (the container exited without a newline).</summary>
    public void Flush()
    {
        FlushStream(0);
        FlushStream(1);
    }

    /// <summary>One log entry for <paramref name="line"/> into <paramref name="dest"/> (at least 6×line + 128 bytes). Pure.</summary>
    public static int Encode(ReadOnlySpan<byte> line, int stream, DateTime utc, Span<byte> dest)
    {
        int n = Put(dest, 0, "{\"log\":\""u8);
        foreach (byte b in line) n = Escape(b, dest, n);
        n = Put(dest, n, stream == 0 ? "\",\"stream\":\"stdout\",\"time\":\""u8 : "\",\"stream\":\"stderr\",\"time\":\""u8);
        n += FormatTime(utc, dest[n..]);
        return Put(dest, n, "\"}\n"u8);
    }

    /// <summary>RFC 3339 with nanoseconds and trailing zeros cut, as Go's time.RFC3339Nano prints it.</summary>
    public static int FormatTime(DateTime utc, Span<byte> dest)
    {
        utc.TryFormat(dest, out int n, "yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture);
        while (dest[n - 1] == '0') n--;
        if (dest[n - 1] == '.') n--;
        dest[n] = (byte)'Z';
        return n + 1;
    }

    private static int Escape(byte b, Span<byte> dest, int n)
    {
        switch (b)
        {
            case (byte)'"': return Put(dest, n, "\\\""u8);
            case (byte)'\\': return Put(dest, n, "\\\\"u8);
            case (byte)'\n': return Put(dest, n, "\\n"u8);
            case (byte)'\r': return Put(dest, n, "\\r"u8);
            case (byte)'\t': return Put(dest, n, "\\t"u8);
        }
        if (b >= 0x20 && b is not ((byte)'<' or (byte)'>' or (byte)'&'))
        {
            dest[n] = b;
            return n + 1;
        }
        n = Put(dest, n, "\\u00"u8);
        dest[n++] = (byte)"0123456789abcdef"[b >> 4];
        dest[n++] = (byte)"0123456789abcdef"[b & 0xf];
        return n;
    }

    private static int Put(Span<byte> dest, int n, ReadOnlySpan<byte> text)
    {
        text.CopyTo(dest[n..]);
        return n + text.Length;
    }

    private void FlushStream(int stream)
    {
        if (_pendingLength[stream] == 0) return;
        int length = Encode(_pending[stream].AsSpan(0, _pendingLength[stream]), stream, DateTime.UtcNow, _entry);
        _pendingLength[stream] = 0;
        if (_size + length > _maxSize && _size > 0) Rotate();
        fixed (byte* p = _entry)
        {
            for (int done = 0; done < length;)
            {
                nint written = Spawn.write(_fd, p + done, length - done);
                if (written < 0 && Spawn.LastErrno == Spawn.EINTR) continue;
                if (written <= 0) return;
                done += (int)written;
            }
        }
        _size += length;
    }

    private void Rotate()
    {
        Spawn.close(_fd);
        if (_maxFiles > 1)
        {
            for (int i = _maxFiles - 1; i >= 1; i--)
            {
                string from = i == 1 ? _path : $"{_path}.{i - 1}";
                if (File.Exists(from)) File.Move(from, $"{_path}.{i}", overwrite: true);
            }
        }
        Open(truncate: true);
    }

    private void Open(bool truncate)
    {
        int flags = Spawn.O_WRONLY | Spawn.O_CREAT | Spawn.O_APPEND | Spawn.O_CLOEXEC | (truncate ? Spawn.O_TRUNC : 0);
        _fd = Spawn.open(_path, flags, 0x1A0);
        if (_fd < 0) throw new IOException($"open log file {_path}: errno {Spawn.LastErrno}");
        _size = truncate ? 0 : new FileInfo(_path).Length;
    }

    public void Dispose()
    {
        Flush();
        if (_fd >= 0) Spawn.close(_fd);
        _fd = -1;
    }
}
