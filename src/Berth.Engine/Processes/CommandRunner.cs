using Berth.Engine.Interop;
using Microsoft.Win32.SafeHandles;

namespace Berth.Engine.Processes;

/// <summary>Runs a program to completion through <see cref="ProcessSpawner"/>, capturing stdout and stderr.</summary>
internal static unsafe class CommandRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IReadOnlyList<string> argv)
    {
        int* outPipe = stackalloc int[2];
        int* errPipe = stackalloc int[2];
        if (Spawn.pipe2(outPipe, Spawn.O_CLOEXEC) < 0 || Spawn.pipe2(errPipe, Spawn.O_CLOEXEC) < 0) throw new IOException($"pipe2: errno {Spawn.LastErrno}");
        int devNull = Spawn.open("/dev/null", Spawn.O_RDONLY | Spawn.O_CLOEXEC, 0);
        int pid;
        try
        {
            pid = ProcessSpawner.Start(argv[0], argv, [(0, devNull), (1, outPipe[1]), (2, errPipe[1])]);
        }
        finally
        {
            Spawn.close(devNull);
            Spawn.close(outPipe[1]);
            Spawn.close(errPipe[1]);
        }
        var stdout = ReadAllAsync(outPipe[0]);
        var stderr = ReadAllAsync(errPipe[0]);
        int status = ProcessSpawner.Wait(pid);
        return new Result(ExitStatus.ToExitCode(status), stdout.Result, stderr.Result);
    }

    private static Task<string> ReadAllAsync(int fd) => Task.Run(() =>
    {
        using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
