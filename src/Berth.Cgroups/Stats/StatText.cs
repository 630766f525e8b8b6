using System.Globalization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// Parsers for the text formats of cgroup statistics files, pure so they are tested on samples:
/// flat keyed ("key value" per line: memory.stat, cpu.stat), nested keyed ("8:0 rbytes=1 wbytes=2": io.stat),
/// v1 blkio ("8:0 Read 4096"), CPU lists ("0-3,5"), space separated numbers and pressure (PSI) files.
/// Malformed text throws <see cref="CgroupException"/> naming the file.
/// </summary>
internal static class StatText
{
    /// <summary>"key value" per line → key → value. Lines whose value is not a number are skipped.</summary>
    public static Dictionary<string, ulong> FlatKeyed(string text)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (string line in Lines(text))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && TryUnsigned(parts[1], out ulong value))
            {
                values[parts[0]] = value;
            }
        }
        return values;
    }

    /// <summary>A single number; "max" (no limit) → <paramref name="max"/>.</summary>
    public static ulong Unsigned(string text, string path, ulong max = ulong.MaxValue)
    {
        string trimmed = text.Trim();
        if (trimmed == "max")
        {
            return max;
        }
        if (!TryUnsigned(trimmed, out ulong value))
        {
            throw new CgroupException($"read {path}: expected a number, found \"{trimmed}\"");
        }
        return value;
    }

    /// <summary>"1 2 3" → [1, 2, 3] (cpuacct.usage_percpu).</summary>
    public static List<ulong> Numbers(string text, string path) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(n => Unsigned(n, path)).ToList();

    /// <summary>v1 blkio file: "8:0 Read 4096" (or "8:0 4096" for files without operations); the "Total" line is skipped.</summary>
    public static List<BlkioEntry> Blkio(string text, string path)
    {
        var entries = new List<BlkioEntry>();
        foreach (string line in Lines(text))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "Total")
            {
                continue;
            }
            if (parts.Length is < 2 or > 3)
            {
                throw new CgroupException($"read {path}: malformed line \"{line}\"");
            }
            var (major, minor) = Device(parts[0], path);
            entries.Add(new BlkioEntry
            {
                Major = major, Minor = minor, Op = parts.Length == 3 ? parts[1] : null, Value = Unsigned(parts[^1], path),
            });
        }
        return entries;
    }

    /// <summary>Nested keyed: "8:0 rbytes=1 wbytes=2" → ((8, 0), {rbytes: 1, wbytes: 2}) per line.</summary>
    public static List<(ulong Major, ulong Minor, Dictionary<string, ulong> Values)> NestedKeyed(string text, string path)
    {
        var devices = new List<(ulong, ulong, Dictionary<string, ulong>)>();
        foreach (string line in Lines(text))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (major, minor) = Device(parts[0], path);
            var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (string pair in parts.Skip(1))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && TryUnsigned(pair[(equals + 1)..], out ulong value))
                {
                    values[pair[..equals]] = value;
                }
            }
            devices.Add((major, minor, values));
        }
        return devices;
    }

    /// <summary>"0-3,5" → [0, 1, 2, 3, 5]; "" → null (nothing listed).</summary>
    public static List<ushort>? CpuList(string text, string path)
    {
        var list = new List<ushort>();
        foreach (string range in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] ends = range.Split('-');
            if (ends.Length > 2 || !ushort.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out ushort first)
                || !ushort.TryParse(ends[^1], NumberStyles.None, CultureInfo.InvariantCulture, out ushort last) || last < first)
            {
                throw new CgroupException($"read {path}: \"{range}\" is not a CPU or node range");
            }
            for (int n = first; n <= last; n++)
            {
                list.Add((ushort)n);
            }
        }
        return list.Count > 0 ? list : null;
    }

    /// <summary>"some avg10=0.50 avg60=0.10 avg300=0.00 total=1234" and a "full ..." line → <see cref="PsiStats"/>.</summary>
    public static PsiStats Psi(string text, string path)
    {
        var psi = new PsiStats();
        foreach (string line in Lines(text))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            PsiData data = parts[0] switch
            {
                "some" => psi.Some,
                "full" => psi.Full,
                _ => throw new CgroupException($"read {path}: malformed line \"{line}\""),
            };
            foreach (string pair in parts.Skip(1))
            {
                SetPsiField(data, pair, path);
            }
        }
        return psi;
    }

    private static void SetPsiField(PsiData data, string pair, string path)
    {
        string[] kv = pair.Split('=');
        if (kv.Length != 2)
        {
            throw new CgroupException($"read {path}: malformed field \"{pair}\"");
        }
        if (kv[0] == "total")
        {
            data.Total = Unsigned(kv[1], path);
            return;
        }
        if (!double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new CgroupException($"read {path}: \"{pair}\" is not a number");
        }
        switch (kv[0])
        {
            case "avg10": data.Avg10 = value; break;
            case "avg60": data.Avg60 = value; break;
            case "avg300": data.Avg300 = value; break;
        }
    }

    private static (ulong Major, ulong Minor) Device(string text, string path)
    {
        string[] numbers = text.Split(':');
        if (numbers.Length != 2 || !TryUnsigned(numbers[0], out ulong major) || !TryUnsigned(numbers[1], out ulong minor))
        {
            throw new CgroupException($"read {path}: \"{text}\" is not a major:minor device number");
        }
        return (major, minor);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryUnsigned(string text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
