using Berth.Runtime.Interop;

namespace Berth.Runtime.Terminal;

/// <summary>The container's terminal: a pty made inside the container's devpts, its master handed out, the slave made the controlling tty.</summary>
internal static unsafe class Pty
{
    private const ulong TIOCSPTLCK = 0x40045431, TIOCGPTN = 0x80045430, TIOCSCTTY = 0x540E, TIOCSWINSZ = 0x5414;

    /// <summary>Opens /dev/ptmx (after pivot_root), sends the master over <paramref name="consoleSocket"/>, returns the slave fd.</summary>
    /// <param name="bindConsole">bind the slave onto /dev/console (the container's init; not for `exec`)</param>
    internal static int Setup(int consoleSocket, Oci.Spec.ConsoleSize? size, bool bindConsole = true)
    {
        Tracing.Trace.Step("open /dev/ptmx: a new pty in the container's devpts");
        int master = Sys.Open("/dev/ptmx", Sys.O_RDWR | Sys.O_NOCTTY);
        int unlock = 0, number = 0;
        Sys.Check(Libc.ioctl(master, TIOCSPTLCK, &unlock), "unlock the pty (TIOCSPTLCK)");
        Sys.Check(Libc.ioctl(master, TIOCGPTN, &number), "get the pty number (TIOCGPTN)");
        string slavePath = $"/dev/pts/{number}";
        int slave = Sys.Open(slavePath, Sys.O_RDWR | Sys.O_NOCTTY);
        if (size is not null && size.Height > 0)
        {
            SetSize(master, (ushort)size.Height, (ushort)size.Width);
        }
        if (bindConsole) BindConsole(slavePath);
        Tracing.Trace.Step($"send the pty master ({slavePath}) over the console socket (SCM_RIGHTS)");
        FdPassing.Send(consoleSocket, master, "/dev/ptmx");
        Sys.Close(master);
        Sys.Close(consoleSocket);
        return slave;
    }

    /// <summary>setsid, make the slave the controlling terminal, and use it as stdin/stdout/stderr.</summary>
    internal static void BecomeControllingTerminal(int slave)
    {
        Tracing.Trace.Step("setsid and make the pty the controlling terminal (TIOCSCTTY), dup it to 0, 1, 2");
        Sys.Check(Libc.setsid(), "setsid");
        Sys.Check(Libc.ioctl(slave, TIOCSCTTY, null), "TIOCSCTTY");
        for (int fd = 0; fd < 3; fd++)
        {
            Sys.Check(Libc.dup3(slave, fd, 0), $"dup the pty to fd {fd}");
        }
        if (slave > 2) Sys.Close(slave);
    }

    internal static void SetSize(int fd, ushort rows, ushort cols)
    {
        ushort* ws = stackalloc ushort[4];
        ws[0] = rows; ws[1] = cols; ws[2] = 0; ws[3] = 0;
        Libc.ioctl(fd, TIOCSWINSZ, ws);
    }

    private static void BindConsole(string slavePath)
    {
        if (!File.Exists("/dev/console"))
        {
            try { using (File.Create("/dev/console")) { } } catch (IOException) { return; } catch (UnauthorizedAccessException) { return; }
        }
        Sys.Mount(slavePath, "/dev/console", "bind", Rootfs.MountFlags.MS_BIND, null, $"bind {slavePath} on /dev/console");
    }
}
