using System.Text.Json;
using Berth.Cgroups;
using Berth.Oci;
using Berth.Oci.Json;
using Berth.Oci.Linux;
using Berth.Oci.Spec;
using Berth.Runtime.Hooks;
using Berth.Runtime.Namespaces;
using Berth.Runtime.Terminal;
using Berth.Runtime.Interop;
using Berth.Runtime.Process;
using Berth.Runtime.Rootfs;
using Berth.Runtime.State;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

/// <summary>
/// The runtime's side of `create` (shared/DESIGN.md "The life of create → start"), holding what it has
/// made so far so that a failure at any step removes all of it: init, cgroup, state directory.
/// </summary>
internal sealed class ContainerCreation
{
    private readonly StateStore _store;
    private readonly CreateOptions _options;
    private readonly Spec _spec;
    private readonly string _bundle;
    private readonly string _rootfs;
    private ICgroupManager? _cgroup;
    private readonly CgroupHost _host;
    private InitChannel? _channel;
    private InitLauncher? _launcher;
    private int _initPid = -1;
    private bool _dirCreated;

    internal ContainerCreation(StateStore store, CreateOptions options, Spec spec, string bundle, CgroupHost host)
    {
        _host = host;
        _store = store;
        _options = options;
        _spec = spec;
        _bundle = bundle;
        string root = spec.Root!.Path;
        _rootfs = Path.GetFullPath(root.StartsWith('/') ? root : Path.Combine(bundle, root));
    }

    internal ICgroupManager? CgroupManager => _cgroup;

    /// <summary>linux.seccomp compiled before anything was created (a bad profile leaves nothing behind).</summary>
    internal Seccomp.SeccompProgram? Seccomp { get; init; }

    internal ContainerState Run()
    {
        CreateStateDirectory();
        if (!StartsAtOnce) MakeExecFifo();
        bool applyResources = CreateCgroup();
        // In a new user namespace nsexec.c waits for MapsDone first (below), so the config must come after it;
        // otherwise it is queued with the namespaces, before the bootstrap is even spawned.
        var plan = NamespacePlan.FromSpec(_spec.Linux?.Namespaces);
        bool newUser = (plan.CloneFlags & NamespacePlan.CloneNewUser) != 0;
        SpawnBootstrap(plan, newUser ? null : SendConfig);
        // From here the bootstrap execs and clones the init, and the init's .NET runtime starts, while this
        // process copies config.json and applies linux.resources: the init only reads its config and mounts
        // until it reports MountsReady, so the limits are in place before the hooks and the user process, as
        // in runc (which applies them even later, at its procHooks sync).
        try
        {
            File.Copy(Path.Combine(_bundle, "config.json"), _store.ConfigPath(_options.Id));
            if (applyResources) ApplyResources();
        }
        catch
        {
            _launcher!.TryReceivePid(); // so that Cleanup kills the init the bootstrap may have cloned meanwhile
            throw;
        }
        _initPid = _launcher!.ReceivePid(pid => IdMaps.Write(pid, _spec.Linux!.UidMappings, _spec.Linux.GidMappings));
        if (newUser) SendConfig(_channel!);
        RunCreateHooks();
        if (_spec.Linux?.Seccomp is { ListenerPath.Length: > 0 } seccomp)
        {
            Berth.Runtime.Seccomp.SeccompListener.Forward(_channel!, seccomp, CreatingState(), InitGoneText());
        }
        _channel!.Expect(InitMessage.Ready, InitGoneText());
        _launcher!.ReapBootstrap();
        var saved = SaveState();
        PidFile.Write(_options.PidFile, _initPid);
        if (StartsAtOnce) WaitForExec();
        return saved;
    }

    /// <summary>
    /// `run` without a terminal: no exec.fifo, the init goes on from Ready to the user process without waiting
    /// for `start` (as crun's run), so the start costs no extra round trip. With a terminal, `run` still
    /// starts through the fifo, so that its terminal proxy is in place before the process runs.
    /// </summary>
    internal bool StartsAtOnce => _options.StartAtOnce && _spec.Process?.Terminal != true;

    private void WaitForExec()
    {
        Trace.Step("run: the init execs the user process without waiting for `start` (no exec.fifo)");
        _channel!.ExpectExecve();
    }

    private void CreateStateDirectory()
    {
        Directory.CreateDirectory(_store.Root);
        string dir = _store.Dir(_options.Id);
        if (Libc.mkdir(dir, 0x1c9 /* 0711 */) < 0)
        {
            var e = Sys.Error($"mkdir {dir}");
            throw e.Errno == Sys.EEXIST ? new BerthException($"container \"{_options.Id}\" already exists") : e;
        }
        _dirCreated = true;
    }

    /// <summary>
    /// exec.fifo, mode 0622 whatever the umask, owned by the container's root on the host (as runc does), so
    /// that an init in a user namespace may open it for writing.
    /// </summary>
    private void MakeExecFifo()
    {
        string fifo = _store.FifoPath(_options.Id);
        Trace.Step($"mkfifo {fifo}: `start` opens it to let the init exec");
        Sys.Check(Libc.mkfifo(fifo, 0x192 /* 0622 */), $"mkfifo {fifo}");
        Sys.Check(Libc.chmod(fifo, 0x192), $"chmod 0622 {fifo}");
        uint uid = IdMaps.HostIdOf(_spec.Linux?.UidMappings, 0), gid = IdMaps.HostIdOf(_spec.Linux?.GidMappings, 0);
        if (uid != 0 || gid != 0) Sys.Check(Libc.chown(fifo, uid, gid), $"chown {fifo} to {uid}:{gid}");
    }

    /// <summary>Makes the cgroup directories; false when there is no cgroup to apply limits to (rootless, none delegated).</summary>
    private bool CreateCgroup()
    {
        _cgroup = CgroupManagerFactory.Create(_host, _spec.Linux?.CgroupsPath, _options.Id, Trace.Step);
        Trace.Step($"cgroups: {_cgroup.Mode} host");
        try
        {
            _cgroup.Create();
            return true;
        }
        catch (CgroupException e) when (!Sys.IsRoot)
        {
            // Rootless and no delegated cgroup: run without one, as runc does on cgroup v1.
            Trace.Step($"rootless: no writable cgroup ({e.Message}): the container runs without one");
            if (HasLimits(_spec.Linux?.Resources))
            {
                Console.Error.WriteLine($"berth-runtime: warning: rootless: {e.Message}; linux.resources are NOT applied " +
                    "(run as root, or delegate a cgroup to this user and point linux.cgroupsPath at it)");
            }
            _cgroup = new NoCgroupManager(_cgroup.Mode);
            return false;
        }
    }

    /// <summary>As runc: the spec's device rules, then its default allow-list (null, zero, ptys, mknod, ...), always.</summary>
    private void ApplyResources() =>
        _cgroup!.Set(Berth.Cgroups.Devices.DefaultDeviceRules.AppendTo(_spec.Linux?.Resources));

    private static bool HasLimits(Resources? r) =>
        r is not null && (r.Memory is not null || r.Cpu is not null || r.Pids is not null || r.BlockIO is not null ||
                          r.HugepageLimits is { Count: > 0 } || r.Network is not null || r.Unified is { Count: > 0 } ||
                          r.Devices is { Count: > 0 } && r.Devices.Any(d => d.Allow));

    private void SpawnBootstrap(NamespacePlan plan, Action<InitChannel>? queue)
    {
        _launcher = new InitLauncher(_options.PreserveFds);
        int consoleFd = ConsoleSocketFd();
        try
        {
            _launcher.Spawn(consoleFd, _cgroup!, plan, queue);
        }
        finally
        {
            if (consoleFd >= 0 && consoleFd != _options.ConsoleSocketFd) Sys.Close(consoleFd);
        }
        _channel = _launcher.Channel;
    }

    private int ConsoleSocketFd()
    {
        if (_spec.Process?.Terminal != true) return -1;
        if (_options.ConsoleSocketFd >= 0) return _options.ConsoleSocketFd;
        if (_options.ConsoleSocket is null)
        {
            throw new BerthException("process.terminal is true: give --console-socket (or set terminal to false)");
        }
        return UnixSocket.Connect(_options.ConsoleSocket);
    }

    private void SendConfig(InitChannel channel)
    {
        var config = new InitConfig
        {
            Spec = _spec,
            Id = _options.Id,
            Bundle = _bundle,
            Rootfs = _rootfs,
            FifoPath = StartsAtOnce ? "" : _store.FifoPath(_options.Id),
            NoPivot = _options.NoPivot,
            PreserveFds = _options.PreserveFds,
            ConsoleSocketFd = _launcher!.ConsoleFdInChild,
            Seccomp = Seccomp,
            Trace = Trace.Enabled,
        };
        CgroupMountPlan.Fill(config, _host, _cgroup!);
        channel.Send(InitMessage.Config, InitConfigCodec.Encode(config));
    }

    /// <summary>
    /// prestart and createRuntime run once the init has its mounts (MountsReady), before it pivots; without any,
    /// HooksDone is sent at once and the init finds it waiting: no round trip.
    /// </summary>
    private void RunCreateHooks()
    {
        var state = CreatingState();
        bool hooks = _spec.Hooks?.Prestart is { Count: > 0 } || _spec.Hooks?.CreateRuntime is { Count: > 0 };
        if (!hooks) _channel!.Send(InitMessage.HooksDone, SpecJsonWriter.Serialize(state, indented: false));
        _channel!.Expect(InitMessage.MountsReady, InitGoneText());
        if (!hooks) return;
        HookRunner.Run("prestart", _spec.Hooks?.Prestart, state);
        HookRunner.Run("createRuntime", _spec.Hooks?.CreateRuntime, state);
        _channel.Send(InitMessage.HooksDone, SpecJsonWriter.Serialize(state, indented: false));
    }

    /// <summary>The OCI state while the container is being created (hooks, the seccomp agent).</summary>
    private Oci.Spec.State CreatingState() =>
        new() { Id = _options.Id, Status = "creating", Pid = _initPid, Bundle = _bundle, Annotations = _spec.Annotations };

    private ContainerState SaveState()
    {
        var state = new ContainerState
        {
            Id = _options.Id,
            Pid = _initPid,
            PidStartTime = ProcStat.Read(_initPid)?.StartTime ?? 0,
            Bundle = _bundle,
            Rootfs = _rootfs,
            Created = DateTime.UtcNow,
            Owner = "",
            Annotations = _spec.Annotations,
            CgroupsPath = _spec.Linux?.CgroupsPath,
            CgroupPaths = new Dictionary<string, string>(_cgroup!.Paths),
        };
        _store.Save(state);
        return state;
    }

    private string InitGoneText() => $"the container's init (pid {_initPid}) exited during setup";

    /// <summary>Undoes every step that was done: kill and reap the init, remove the cgroup and the state directory.</summary>
    internal void Cleanup()
    {
        Try(() => _launcher?.Abort());
        Try(() => _cgroup?.Destroy());
        if (_dirCreated) Try(() => _store.Remove(_options.Id));
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is BerthException or IOException or UnauthorizedAccessException)
        {
            Trace.Step($"cleanup step failed: {e.Message}");
        }
    }
}
