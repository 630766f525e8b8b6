namespace Berth.Engine.Runtime;

/// <summary>
/// Which runtime binary: --runtime PATH|NAME, else $BERTH_RUNTIME, else "berth-runtime". A path is used as
/// it is; a name is looked for next to the berth binary first (where berth-runtime is installed with it),
/// then in $PATH (runc, crun).
/// </summary>
public static class RuntimeLocator
{
    public const string DefaultName = "berth-runtime";

    public static string Resolve(string? requested)
    {
        string name = !string.IsNullOrEmpty(requested) ? requested
            : Environment.GetEnvironmentVariable("BERTH_RUNTIME") is { Length: > 0 } env ? env : DefaultName;
        if (name.Contains('/'))
        {
            string full = System.IO.Path.GetFullPath(name);
            return File.Exists(full) ? full : throw new EngineException($"OCI runtime {full} does not exist");
        }
        return FindBinary(name) ?? throw new EngineException($"OCI runtime \"{name}\" not found next to berth ({AppContext.BaseDirectory}) or in PATH: install it or give --runtime /path/to/runtime");
    }

    /// <summary>NAME next to the running berth binary, else the first NAME in $PATH; null when neither exists.</summary>
    public static string? FindBinary(string name)
    {
        string beside = System.IO.Path.Combine(AppContext.BaseDirectory, name);
        if (File.Exists(beside)) return beside;
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
