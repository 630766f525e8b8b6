namespace Berth.Conformance.Harness;

/// <summary>
/// A runtime binary the suite runs against. CONFORMANCE_RUNTIMES="berth=/path/berth-runtime,runc=/usr/sbin/runc"
/// picks them; by default the repository's published out/berth-runtime, and runc too when it is installed
/// (so every test is also checked against the reference implementation).
/// </summary>
public sealed record RuntimeUnderTest(string Name, string Path)
{
    public override string ToString() => Name;

    public bool IsBerth => Name.StartsWith("berth", StringComparison.Ordinal);

    public static IReadOnlyList<RuntimeUnderTest> Configured { get; } = Load();

    /// <summary>xunit MemberData: one row per runtime.</summary>
    public static IEnumerable<object[]> All => Configured.Select(r => new object[] { r });

    /// <summary>Only berth-runtime (for tests of its own messages and tracing).</summary>
    public static IEnumerable<object[]> BerthOnly => Configured.Where(r => r.IsBerth).Select(r => new object[] { r });

    private static List<RuntimeUnderTest> Load()
    {
        string? spec = Environment.GetEnvironmentVariable("CONFORMANCE_RUNTIMES");
        if (!string.IsNullOrWhiteSpace(spec))
        {
            return spec.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(item => item.Split('=', 2))
                .Select(p => new RuntimeUnderTest(p[0], p.Length > 1 ? p[1] : p[0]))
                .ToList();
        }
        var list = new List<RuntimeUnderTest> { new("berth", RepoPaths.PublishedRuntime) };
        string runc = "/usr/sbin/runc";
        if (File.Exists(runc)) list.Add(new RuntimeUnderTest("runc", runc));
        return list;
    }
}

public static class RepoPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string PublishedRuntime => System.IO.Path.Combine(RepoRoot, "out", "berth-runtime");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "berth.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (berth.slnx) above " + AppContext.BaseDirectory);
    }
}
