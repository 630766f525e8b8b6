using System.Diagnostics;

namespace Berth.Cgroups.Tests.Real;

/// <summary>A `sleep` child to move between cgroups; killed (SIGKILL to its PID) and reaped on Dispose.</summary>
internal sealed class SleepProcess : IDisposable
{
    private readonly Process _process;

    private SleepProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public static SleepProcess Start() =>
        new(Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start sleep"));

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
