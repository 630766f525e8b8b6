using System.Globalization;
using System.Runtime.InteropServices;

namespace Berth.Engine.Info;

/// <summary>
/// What `berth info` says about the host, parsed from the text of /etc/os-release, /proc/meminfo and
/// /proc/self/mountinfo (pure functions, unit-tested), and read from /proc by <see cref="Read"/>.
/// </summary>
public static class HostFacts
{
    /// <summary>PRETTY_NAME of os-release(5), else NAME VERSION, else "Linux".</summary>
    public static string OperatingSystem(string? osRelease)
    {
        var values = (osRelease ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.Last()[1].Trim().Trim('"', '\''));
        if (values.TryGetValue("PRETTY_NAME", out string? pretty) && pretty.Length > 0) return pretty;
        string name = values.GetValueOrDefault("NAME") ?? "Linux";
        return values.TryGetValue("VERSION", out string? version) ? $"{name} {version}" : name;
    }

    /// <summary>MemTotal of /proc/meminfo in bytes; 0 when absent.</summary>
    public static long MemTotal(string? meminfo)
    {
        string? line = (meminfo ?? "").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        string[] parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : 0;
    }

    /// <summary>
    /// The filesystem type of the mount holding <paramref name="path"/> (the longest mount point that is a prefix of it,
    /// the last such mount winning as the kernel's later mounts cover earlier ones), in docker's words: ext2/3/4 are
    /// "extfs", overlay is "overlayfs"; others as the kernel names them. "unknown" when nothing matches.
    /// </summary>
    public static string BackingFilesystem(string mountinfo, string path)
    {
        string best = "", type = "unknown";
        foreach (string line in mountinfo.Split('\n'))
        {
            string[] fields = line.Split(' ');
            int dash = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || dash < 0 || dash + 1 >= fields.Length) continue;
            string mountPoint = Unescape(fields[4]);
            if (!IsUnder(path, mountPoint) || mountPoint.Length < best.Length) continue;
            (best, type) = (mountPoint, fields[dash + 1]);
        }
        return type switch
        {
            "ext2" or "ext3" or "ext4" => "extfs",
            "overlay" => "overlayfs",
            _ => type,
        };
    }

    /// <summary>uname -m: x86_64, aarch64, ...</summary>
    public static string Machine(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.X86 => "i686",
        Architecture.Arm or Architecture.Armv6 => "armv7l",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>The host's facts now: kernel, OS, arch, CPUs, memory, and the backing filesystem of <paramref name="storageRoot"/>.</summary>
    public static HostSnapshot Read(string storageRoot) => new(
        Kernel: ReadText("/proc/sys/kernel/osrelease")?.Trim() ?? Environment.OSVersion.Version.ToString(),
        OperatingSystem: OperatingSystem(ReadText("/etc/os-release") ?? ReadText("/usr/lib/os-release")),
        Architecture: Machine(RuntimeInformation.OSArchitecture),
        Cpus: Environment.ProcessorCount,
        MemTotal: MemTotal(ReadText("/proc/meminfo")),
        BackingFilesystem: BackingFilesystem(ReadText("/proc/self/mountinfo") ?? "", Path.GetFullPath(storageRoot)),
        Hostname: Environment.MachineName);

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>mountinfo escapes space, tab, newline and backslash as \ooo.</summary>
    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The host as <see cref="HostFacts.Read"/> found it.</summary>
public sealed record HostSnapshot(string Kernel, string OperatingSystem, string Architecture, int Cpus, long MemTotal, string BackingFilesystem, string Hostname);
