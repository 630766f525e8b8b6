using System.Diagnostics;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// Runs a shell script inside a cgroup: the shell writes its own PID to the cgroup's cgroup.procs first, then
/// execs a second shell running the script, so every device open of the script happens inside the cgroup.
/// Output is stdout and stderr together; a shell still running after 10 s is killed by its PID.
/// </summary>
internal static class ShellInCgroup
{
    public static string Run(string cgroupDirectory, string script)
    {
        string procs = Path.Join(cgroupDirectory, "cgroup.procs");
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", $"echo $$ > {procs} && exec sh -c \"$0\" 2>&1", script },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sh");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
            process.WaitForExit();
            throw new TimeoutException($"sh -c '{script}' in {cgroupDirectory} did not finish");
        }
        return output.Result + errors.Result;
    }

    /// <summary>One line per device: "null: ok" or "zero: denied: &lt;error text&gt;" for opening it read-write.</summary>
    public static string Probe(params string[] devices) =>
        string.Join("; ", devices.Select(d =>
            $"if out=$(sh -c ': <> /dev/{d}' 2>&1); then echo '{d}: ok'; else echo \"{d}: denied: $out\"; fi"));
}
