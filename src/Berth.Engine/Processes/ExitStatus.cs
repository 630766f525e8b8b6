namespace Berth.Engine.Processes;

/// <summary>
/// A waitpid(2) status as a shell exit code: the exit status when the process exited (WIFEXITED), 128 + the
/// signal number when a signal killed it (WIFSIGNALED), which is what docker and sh report. Pure.
/// </summary>
internal static class ExitStatus
{
    public static int ToExitCode(int status)
    {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }
}
