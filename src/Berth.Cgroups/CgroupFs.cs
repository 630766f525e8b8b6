using System.Runtime.CompilerServices;
using System.Text;

namespace Berth.Cgroups;

/// <summary>
/// All cgroupfs I/O: every write, mkdir and rmdir is traced ("cgroup: write 20 to .../pids.max") and every
/// failure becomes a <see cref="CgroupException"/> naming the operation, the path and the errno text.
/// The protected virtuals are the raw calls; a test fake overrides them to behave like the kernel.
/// </summary>
internal class CgroupFs
{
    private readonly Action<string>? _trace;

    public CgroupFs(Action<string>? trace)
    {
        _trace = trace;
    }

    public bool Tracing => _trace is not null;

    public void Trace(string text) => _trace?.Invoke("cgroup: " + text);

    /// <summary>Trace($"..."): the holes are only formatted when tracing is on (this is the start path).</summary>
    public void Trace([InterpolatedStringHandlerArgument("")] ref TraceHandler text)
    {
        if (text.Builder is { } b) _trace!.Invoke("cgroup: " + b.ToString());
    }

    [InterpolatedStringHandler]
    public readonly ref struct TraceHandler
    {
        internal readonly StringBuilder? Builder;

        public TraceHandler(int literalLength, int formattedCount, CgroupFs fs, out bool enabled)
        {
            enabled = fs.Tracing;
            Builder = enabled ? new StringBuilder(literalLength + formattedCount * 16) : null;
        }

        public void AppendLiteral(string value) => Builder!.Append(value);

        public void AppendFormatted<T>(T value) => Builder!.Append(value);
    }

    /// <summary>Writes <paramref name="value"/> in one write(2) at offset 0; the file must exist (no O_CREAT).</summary>
    public void Write(string path, string value)
    {
        Trace($"write {value} to {path}");
        try
        {
            WriteFile(path, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure($"write {value} to {path}", e);
        }
    }

    public string Read(string path)
    {
        try
        {
            return ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure($"read {path}", e);
        }
    }

    /// <summary>Reads a file, or returns null when it does not exist.</summary>
    public string? ReadIfExists(string path) => FileExists(path) ? Read(path) : null;

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    /// <summary>File names (not paths) in <paramref name="directory"/> matching a glob such as "hugetlb.*.max"; none when it is gone.</summary>
    public string[] FileNames(string directory, string pattern)
    {
        try
        {
            return Directory.GetFiles(directory, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Waits between polls of a state file (freezer); a test fake overrides it to count instead of sleeping.</summary>
    public virtual void Pause(TimeSpan delay) => Thread.Sleep(delay);

    /// <summary>Child directories (child cgroups); none when the directory is gone.</summary>
    public string[] ChildDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>mkdir(2) of one level; nothing (and no trace) when it already exists.</summary>
    public void MakeDirectory(string path)
    {
        if (DirectoryExists(path))
        {
            return;
        }
        Trace($"mkdir {path}");
        try
        {
            CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure($"mkdir {path}", e);
        }
    }

    /// <summary>rmdir(2); false when the directory was already gone.</summary>
    public bool RemoveDirectory(string path)
    {
        if (!DirectoryExists(path))
        {
            return false;
        }
        Trace($"rmdir {path}");
        try
        {
            DeleteDirectory(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure($"rmdir {path}", e);
        }
    }

    protected virtual void WriteFile(string path, string value)
    {
        // FileMode.Truncate: open(O_WRONLY|O_TRUNC) without O_CREAT, so a missing controller file is ENOENT.
        using var handle = File.OpenHandle(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.Write(handle, Encoding.UTF8.GetBytes(value), 0);
    }

    protected virtual string ReadFile(string path) => File.ReadAllText(path);

    protected virtual void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <summary>
    /// Non-recursive Directory.Delete is a plain rmdir(2); on cgroupfs that removes the cgroup even though the
    /// directory still lists its pseudo-files (checked on a real v1 and cgroup2 mount).
    /// </summary>
    protected virtual void DeleteDirectory(string path) => Directory.Delete(path, recursive: false);

    private static CgroupException Failure(string operation, Exception e)
    {
        int errno = Errno.FromException(e);
        return new CgroupException($"{operation}: {Errno.Describe(errno, e)}", errno, e);
    }
}
