namespace Berth.Runtime.Process;

/// <summary>Finds process.args[0] the way execvp would, using the container's PATH (after pivot_root). Pure given <c>isExecutable</c>.</summary>
public static class ExecutableLookup
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <param name="exists">whether a path exists at all (a file that exists but cannot be run is
    /// "permission denied", which engines turn into exit code 126 rather than 127)</param>
    public static string Find(string name, IEnumerable<string>? env, string cwd, Func<string, bool> isExecutable, Func<string, bool>? exists = null)
    {
        if (name.Contains('/'))
        {
            string full = name.StartsWith('/') ? name : Path.Combine(cwd, name);
            if (!isExecutable(full))
            {
                throw new Oci.BerthException((exists ?? Path.Exists)(full)
                    ? $"exec: \"{name}\": permission denied (not an executable file)"
                    : $"exec: \"{name}\": no such file or executable in the container");
            }
            return full;
        }
        string path = env?.FirstOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?[5..] ?? DefaultPath;
        foreach (string dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (isExecutable(candidate)) return candidate;
        }
        throw new Oci.BerthException($"exec: \"{name}\": executable file not found in $PATH ({path})");
    }

    /// <summary>A regular file with an execute bit (or a symlink to one).</summary>
    public static bool IsExecutable(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
