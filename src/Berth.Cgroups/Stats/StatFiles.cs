namespace Berth.Cgroups.Stats;

/// <summary>
/// Reads statistics files of one cgroup directory. A missing file reads as zero / empty, because which files
/// exist depends on the kernel and its configuration (no swap accounting, no kmem, older kernels); a file that
/// exists but cannot be read or parsed is an error naming it.
/// </summary>
internal sealed class StatFiles
{
    public StatFiles(CgroupFs fs, string directory)
    {
        Fs = fs;
        Directory = directory;
    }

    public CgroupFs Fs { get; }

    public string Directory { get; }

    public string PathOf(string file) => Path.Join(Directory, file);

    public bool Exists(string file) => Fs.FileExists(PathOf(file));

    public string? Text(string file) => Fs.ReadIfExists(PathOf(file));

    /// <summary>A one-number file; 0 when missing, "max" → <paramref name="max"/>.</summary>
    public ulong Unsigned(string file, ulong max = ulong.MaxValue) =>
        Text(file) is string text ? StatText.Unsigned(text, PathOf(file), max) : 0;

    /// <summary>A flat keyed file ("key value" lines); empty when missing.</summary>
    public Dictionary<string, ulong> FlatKeyed(string file) =>
        Text(file) is string text ? StatText.FlatKeyed(text) : new Dictionary<string, ulong>(StringComparer.Ordinal);

    /// <summary>One key of a flat keyed file (memory.events "oom_kill"); 0 when the file or key is missing.</summary>
    public ulong Key(string file, string key) => FlatKeyed(file).GetValueOrDefault(key);

    /// <summary>A pressure file (cpu.pressure, ...); null when missing (kernel without PSI).</summary>
    public PsiStats? Psi(string file) => Text(file) is string text ? StatText.Psi(text, PathOf(file)) : null;
}
