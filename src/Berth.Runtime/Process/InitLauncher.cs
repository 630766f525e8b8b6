using Berth.Oci;
using Berth.Cgroups;
using Berth.Runtime.Interop;
using Berth.Runtime.Namespaces;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Process;

/// <summary>
/// Starts a process inside a container's namespaces and cgroup, for `create` (new namespaces) and `exec`
/// (the container's namespaces joined): spawn the bootstrap (this binary, `init`, with the channel),
/// put it into the v1 cgroups, send it the Bootstrap message, and receive the pid of the process that
/// nsexec.c cloned. The fd table of the child is fixed: 0-2 stdio, 3.. preserved fds, then the init
/// channel, the console socket (if any) and the cgroup2 directory (if any).
/// </summary>
internal sealed class InitLauncher
{
    private readonly int _preserveFds;
    private int _bootstrapPid = -1;
    private int _cgroupFdInChild = -1;
    private IReadOnlyList<string> _taskFiles = [];
    private NamespacePlan? _plan;

    internal InitLauncher(int preserveFds) => _preserveFds = preserveFds;

    internal InitChannel? Channel { get; private set; }

    /// <summary>The pid (on the host) of the cloned process, once <see cref="Clone"/> returned.</summary>
    internal int Pid { get; private set; } = -1;

    /// <summary>The console socket's fd number in the child, or -1.</summary>
    internal int ConsoleFdInChild { get; private set; } = -1;

    /// <summary>
    /// Spawns the bootstrap with its messages already waiting in the channel: BOOTSTRAP (namespaces, cgroup),
    /// then whatever <paramref name="queue"/> sends (the init's config). So the bootstrap clones as soon as it
    /// runs and the init reads its config as soon as .NET is up, without waiting for this process to be
    /// scheduled again (on a 2-CPU host the woken runtime often waits behind the bootstrap for its CPU).
    /// </summary>
    /// <param name="consoleFd">a connected console socket to hand over, or -1</param>
    /// <param name="cgroup">the cgroup to start in: v1 hierarchies through "tasks", cgroup2 through CLONE_INTO_CGROUP</param>
    /// <param name="plan">the namespaces to create and join</param>
    /// <param name="queue">sends the messages the init reads after the clone (null: none yet)</param>
    internal void Spawn(int consoleFd, ICgroupManager cgroup, NamespacePlan plan, Action<InitChannel>? queue)
    {
        var (channel, childFd) = InitChannel.CreatePair();
        Channel = channel;
        var fds = new List<int> { 0, 1, 2 };
        for (int i = 0; i < _preserveFds; i++) fds.Add(3 + i);
        int initPipe = fds.Count;
        fds.Add(childFd);
        if (consoleFd >= 0)
        {
            ConsoleFdInChild = fds.Count;
            fds.Add(consoleFd);
        }
        int cgroupFd = -1, binary = -1;
        try
        {
            cgroupFd = cgroup.Paths.TryGetValue("", out string? cgroup2) ? Sys.Open(cgroup2, Sys.O_DIRECTORY | Sys.O_RDONLY) : -1;
            if (cgroupFd >= 0)
            {
                _cgroupFdInChild = fds.Count;
                fds.Add(cgroupFd);
            }
            _taskFiles = cgroup.SelfJoinTaskFiles();
            foreach (string file in _taskFiles) Trace.Step($"cgroup: the bootstrap writes 0 (itself) to {file}");
            if (cgroupFd >= 0) Trace.Step($"clone3 with CLONE_INTO_CGROUP: the process is born in {cgroup2}");
            Trace.Step($"clone with {plan.Describe()}");
            Channel.Send(InitMessage.Bootstrap, BootstrapMessage.Encode(plan.CloneFlags, _cgroupFdInChild, plan.Joins, _taskFiles));
            _plan = plan;
            queue?.Invoke(Channel);
            binary = ClonedBinary.Create();
            // The bootstrap runs the binary through its own fd (not close-on-exec) and keeps it until it exits:
            // see _BERTH_EXEFD in nsexec.c and ReapBootstrap.
            int exeFd = fds.Count;
            fds.Add(binary);
            Trace.Step("spawn the bootstrap (the protected binary, `init`): nsexec.c will clone the process into the namespaces");
            _bootstrapPid = Spawner.Spawn($"/proc/self/fd/{exeFd}", ["berth-runtime", "init"], [$"_BERTH_INITPIPE={initPipe}", $"_BERTH_EXEFD={exeFd}"], fds);
        }
        finally
        {
            Sys.Close(childFd);
            if (cgroupFd >= 0) Sys.Close(cgroupFd);
            if (binary >= 0) Sys.Close(binary);
        }
    }

    /// <summary>Receives the pid of the cloned process; with a new user namespace, writes the id maps and lets it go on.</summary>
    internal int ReceivePid(Action<int>? writeIdMaps)
    {
        byte[] pidBytes = Channel!.Expect(InitMessage.Pid, "the bootstrap exited before cloning the process");
        Pid = BitConverter.ToInt32(pidBytes);
        Trace.Step($"the process is pid {Pid} on the host");
        if ((_plan!.CloneFlags & NamespacePlan.CloneNewUser) != 0)
        {
            writeIdMaps?.Invoke(Pid);
            Channel.Send(InitMessage.MapsDone);
        }
        return Pid;
    }

    /// <summary>
    /// After a failure between <see cref="Spawn"/> and <see cref="ReceivePid"/>: learns the pid of the
    /// process the bootstrap may have cloned, so that <see cref="Abort"/> can kill it. Never throws.
    /// </summary>
    internal void TryReceivePid()
    {
        if (_bootstrapPid <= 0 || Pid > 0 || Channel is null) return;
        try
        {
            byte[] pidBytes = Channel.Expect(InitMessage.Pid, "the bootstrap exited before cloning the process");
            Pid = BitConverter.ToInt32(pidBytes);
        }
        catch (BerthException)
        {
            // The bootstrap failed or exited before cloning: there is no process to kill.
        }
    }

    /// <summary>
    /// Reaps the bootstrap. It is left to exit on its own while the process is being set up: its exit closes the
    /// last fd of the binary's detached mount, and the kernel then waits for an RCU grace period (milliseconds)
    /// before it dissolves that mount.
    /// </summary>
    internal void ReapBootstrap()
    {
        if (_bootstrapPid <= 0) return;
        Sys.WaitPid(_bootstrapPid, 0, out _);
        _bootstrapPid = -1;
    }

    /// <summary>Kills and reaps whatever was started; closes the channel.</summary>
    internal void Abort()
    {
        if (_bootstrapPid > 0) { Sys.Kill(_bootstrapPid, Sys.SIGKILL); Sys.WaitPid(_bootstrapPid, 0, out _); _bootstrapPid = -1; }
        if (Pid > 0) { Sys.Kill(Pid, Sys.SIGKILL); Sys.WaitPid(Pid, 0, out _); Pid = -1; }
        Channel?.Dispose();
    }
}
