using System.Diagnostics;
using System.Globalization;

namespace Berth.Cgroups.Tests.Real;

/// <summary>
/// A child process (`sleep`, or a busy shell loop that keeps one CPU running) to move between cgroups; killed
/// (SIGKILL to its PID) and reaped on Dispose. A process in a frozen v1 cgroup cannot die: thaw first.
/// </summary>
internal sealed class SleepProcess : IDisposable
{
    private readonly Process _process;

    private SleepProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public static SleepProcess Start() => Run("sleep", "300");

    /// <summary>A shell counting in a loop (bounded, about a minute): its CPU time grows unless it is frozen.</summary>
    public static SleepProcess StartBusy() => Run("sh", "-c \"i=0; while [ $i -lt 300000000 ]; do i=$((i+1)); done\"");

    /// <summary>utime + stime of the process in clock ticks (fields 14 and 15 of /proc/PID/stat).</summary>
    public long CpuTicks()
    {
        string stat = File.ReadAllText($"/proc/{Pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The "State:" line of /proc/PID/status, e.g. "D (disk sleep)".</summary>
    public string State() =>
        File.ReadAllLines($"/proc/{Pid}/status").First(l => l.StartsWith("State:", StringComparison.Ordinal))["State:".Length..].Trim();

    private static SleepProcess Run(string file, string arguments) =>
        new(Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not start {file}"));

    /// <summary>Kills and reaps it, so its cgroup becomes removable.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
