using Berth.Engine.Processes;

namespace Berth.Engine.Info;

/// <summary>
/// An OCI runtime's `--version` output, as runc, crun and berth-runtime print it ("runc version 1.1.5+ds1",
/// "commit: …", "spec: 1.0.2-dev"): the version and commit, for `berth version` and `berth info`.
/// </summary>
public sealed record RuntimeVersion(string Name, string Path, string Version, string? Commit, string? Spec)
{
    /// <summary>Pure: the first "NAME version V" line and the "commit:" and "spec:" lines; Version "unknown" when absent.</summary>
    public static RuntimeVersion Parse(string name, string path, string output)
    {
        string version = "unknown";
        string? commit = null, spec = null;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.Trim();
            int at = line.IndexOf(" version ", StringComparison.Ordinal);
            if (version == "unknown" && at >= 0) version = line[(at + " version ".Length)..].Trim();
            else if (line.StartsWith("commit:", StringComparison.Ordinal)) commit = line["commit:".Length..].Trim();
            else if (line.StartsWith("spec:", StringComparison.Ordinal)) spec = line["spec:".Length..].Trim();
        }
        return new RuntimeVersion(name, path, version, commit, spec);
    }

    /// <summary>Runs `PATH --version`; Version "unknown" when it cannot be run or says nothing we understand.</summary>
    public static RuntimeVersion Query(string name, string path)
    {
        try
        {
            var result = CommandRunner.Run([path, "--version"]);
            return Parse(name, path, result.ExitCode == 0 ? result.Stdout : "");
        }
        catch (Exception e) when (e is SpawnException or IOException)
        {
            return new RuntimeVersion(name, path, "unknown", null, null);
        }
    }
}
