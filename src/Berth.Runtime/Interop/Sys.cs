using System.Runtime.InteropServices;
using System.Text;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Interop;

/// <summary>Checked, traced wrappers over <see cref="Libc"/>: a failing call throws <see cref="SyscallException"/> naming what it did.</summary>
internal static unsafe class Sys
{
    internal const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_NOCTTY = 0x100, O_NONBLOCK = 0x800;
    internal const int O_DIRECTORY = 0x10000, O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    internal const int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;
    internal const int EINTR = 4, ESRCH = 3, ECHILD = 10, ENOENT = 2, EEXIST = 17;
    internal const int MNT_DETACH = 2;
    internal const int SIGKILL = 9;

    internal static SyscallException Error(string operation) => new(operation, Marshal.GetLastPInvokeError());

    internal static void Check(int result, string operation)
    {
        if (result < 0)
        {
            throw Error(operation);
        }
    }

    internal static void Mount(string? source, string target, string? fstype, ulong flags, string? data, string description)
    {
        Trace.Step(description);
        Check(Libc.mount(source, target, fstype, flags, data), description);
    }

    internal static void Umount(string target, int flags)
    {
        Trace.Step($"unmount {target}" + ((flags & MNT_DETACH) != 0 ? " (lazily, MNT_DETACH)" : ""));
        Check(Libc.umount2(target, flags), $"umount {target}");
    }

    /// <summary>An AF_UNIX socketpair of <paramref name="type"/>, both ends close-on-exec from the start.</summary>
    internal static unsafe (int First, int Second) SocketPair(int type, string what)
    {
        const int AF_UNIX = 1, SOCK_CLOEXEC = 0x80000;
        int* sv = stackalloc int[2];
        Check(Libc.socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, sv), what);
        return (sv[0], sv[1]);
    }

    internal static void PivotRoot(string newRoot, string putOld)
    {
        Trace.Step($"pivot_root(\"{newRoot}\", \"{putOld}\"): the rootfs becomes /");
        if (Libc.syscall(SyscallNumbers.PivotRoot, newRoot, putOld) < 0)
        {
            throw Error("pivot_root");
        }
    }

    internal static void Chdir(string path) => Check(Libc.chdir(path), $"chdir {path}");

    internal static void Chroot(string path)
    {
        Trace.Step($"chroot {path}");
        Check(Libc.chroot(path), $"chroot {path}");
    }

    internal static int Open(string path, int flags, uint mode = 0)
    {
        int fd = Libc.open(path, flags | O_CLOEXEC, mode);
        if (fd < 0)
        {
            throw Error($"open {path}");
        }
        return fd;
    }

    internal static void Close(int fd) => Libc.close(fd);

    internal static void SetHostname(string name)
    {
        Trace.Step($"sethostname \"{name}\"");
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes)
        {
            Check(Libc.sethostname(p, (nuint)bytes.Length), $"sethostname {name}");
        }
    }

    internal static void SetDomainname(string name)
    {
        Trace.Step($"setdomainname \"{name}\"");
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes)
        {
            Check(Libc.setdomainname(p, (nuint)bytes.Length), $"setdomainname {name}");
        }
    }

    internal static void Prctl(int option, ulong arg2, string description)
    {
        Check(Libc.prctl(option, arg2, 0, 0, 0), description);
    }

    internal static void SetCloexec(int fd, bool on)
    {
        int flags = Libc.fcntl(fd, F_GETFD, 0);
        Check(flags, $"fcntl F_GETFD {fd}");
        int next = on ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC;
        if (next != flags)
        {
            Check(Libc.fcntl(fd, F_SETFD, next), $"fcntl F_SETFD {fd}");
        }
    }

    internal static void WriteAll(int fd, ReadOnlySpan<byte> data, string what)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = Libc.write(fd, p + done, (nuint)(data.Length - done));
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == EINTR) continue;
                    throw Error($"write {what}");
                }
                done += (int)n;
            }
        }
    }

    internal static int Read(int fd, Span<byte> buffer, string what)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = Libc.read(fd, p, (nuint)buffer.Length);
                if (n >= 0) return (int)n;
                if (Marshal.GetLastPInvokeError() != EINTR) throw Error($"read {what}");
            }
        }
    }

    /// <summary>waitpid that retries on EINTR; returns the raw status, or -1 when the pid is not our child.</summary>
    internal static int WaitPid(int pid, int options, out int status)
    {
        int s;
        while (true)
        {
            int r = Libc.waitpid(pid, &s, options);
            if (r >= 0)
            {
                status = s;
                return r;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            status = 0;
            if (errno == ECHILD) return -1;
            throw new SyscallException($"waitpid {pid}", errno);
        }
    }

    /// <summary>Shell-style exit code from a wait status: the exit code, or 128 + the signal.</summary>
    internal static int ExitCode(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    internal static bool Kill(int pid, int signal)
    {
        if (Libc.kill(pid, signal) == 0) return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == ESRCH) return false;
        throw new SyscallException($"kill -{signal} {pid}", errno);
    }

    internal static string? ReadLink(string path)
    {
        byte* buf = stackalloc byte[4096];
        nint n = Libc.readlink(path, buf, 4096);
        return n < 0 ? null : Encoding.UTF8.GetString(buf, (int)n);
    }

    internal static bool IsRoot => Libc.geteuid() == 0;
}
