using Berth.Storage.Interop;

namespace Berth.Storage.Tests.Support;

/// <summary>lstat-style facts about a path, for assertions.</summary>
internal static class FileFacts
{
    public static FileStat? Stat(string path) => Fs.TryStat(Fs.AT_FDCWD, path);

    public static FileStat MustStat(string path) => Stat(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not exist");

    public static string? Xattr(string path, string name) =>
        Fs.TryGetXattr(path, name) is { } value ? System.Text.Encoding.UTF8.GetString(value) : null;

    /// <summary>Every path under a directory (the sentinel check: a hostile layer must add nothing here).</summary>
    public static string[] Everything(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order().ToArray();
}
