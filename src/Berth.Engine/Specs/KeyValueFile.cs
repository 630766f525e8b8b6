using System.Text;

namespace Berth.Engine.Specs;

/// <summary>
/// docker's --env-file and --label-file format (docker/cli opts/file.go): one KEY=VALUE a line, the value taken
/// as written (no quotes removed, no trimming); leading whitespace and a UTF-8 BOM are dropped; empty lines and
/// lines starting with '#' are skipped; a bare KEY takes the host's value when a lookup is given and it is set,
/// else stays a bare KEY. A key with whitespace or an empty key is an error naming the file and line.
/// </summary>
public static class KeyValueFile
{
    public static List<string> Read(string path, string what, Func<string, string?>? lookup)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOptionException($"open {path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message)}");
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidOptionException($"{what} {path} contains invalid utf8 bytes");
        }
        return Parse(text, path, lookup);
    }

    /// <summary>Pure: the entries of <paramref name="text"/>; <paramref name="source"/> names the file in errors.</summary>
    public static List<string> Parse(string text, string source, Func<string, string?>? lookup)
    {
        var entries = new List<string>();
        string[] lines = text.TrimStart('\uFEFF').Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int eq = line.IndexOf('=');
            string key = eq < 0 ? line : line[..eq];
            if (key.Any(char.IsWhiteSpace)) throw new InvalidOptionException($"poorly formatted {source} line {n + 1}: variable '{key}' contains whitespaces");
            if (key.Length == 0) throw new InvalidOptionException($"poorly formatted {source} line {n + 1}: no variable name on line '{line}'");
            if (eq >= 0) entries.Add(line);
            else entries.Add(lookup?.Invoke(key) is { } value ? $"{key}={value}" : key);
        }
        return entries;
    }
}
