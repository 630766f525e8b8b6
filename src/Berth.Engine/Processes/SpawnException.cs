namespace Berth.Engine.Processes;

/// <summary>posix_spawn or waitpid failed: names the program (or the call) and the errno.</summary>
internal sealed class SpawnException(string what, int errno)
    : Exception($"{what}: {ErrnoName(errno)}")
{
    public int Errno { get; } = errno;

    private static string ErrnoName(int errno) => errno switch
    {
        2 => "ENOENT (no such file)",
        13 => "EACCES (permission denied)",
        8 => "ENOEXEC (not an executable)",
        10 => "ECHILD (no such child)",
        _ => $"errno {errno}",
    };
}
