using System.Text.Json;
using Berth.Cgroups;
using Berth.Oci;
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
    private int _bootstrapPid = -1;
    private int _cgroupFdInChild = -1;
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
        Trace.Step($"mkfifo {_store.FifoPath(_options.Id)}: `start` opens it to let the init exec");
        Sys.Check(Libc.mkfifo(_store.FifoPath(_options.Id), 0x192 /* 0622 */), $"mkfifo {_store.FifoPath(_options.Id)}");
        File.Copy(Path.Combine(_bundle, "config.json"), _store.ConfigPath(_options.Id));
        SetUpCgroup();
        SpawnBootstrap();
        _cgroup!.ApplyBootstrap(_bootstrapPid);
        _initPid = CloneInit();
        SendConfig();
        RunCreateHooks();
        _channel!.Expect(InitMessage.Ready, InitGoneText());
        var state = SaveState();
        WritePidFile();
        return state;
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

    private void SetUpCgroup()
    {
        _cgroup = CgroupManagerFactory.Create(_host, _spec.Linux?.CgroupsPath, _options.Id, Trace.Step);
        Trace.Step($"cgroups: {_cgroup.Mode} host");
        _cgroup.Create();
        if (_spec.Linux?.Resources is { } resources) _cgroup.Set(resources);
    }

    private void SpawnBootstrap()
    {
        var (channel, childFd) = InitChannel.CreatePair();
        _channel = channel;
        var fds = new List<int> { 0, 1, 2 };
        for (int i = 0; i < _options.PreserveFds; i++) fds.Add(3 + i);
        int initPipe = fds.Count;
        fds.Add(childFd);
        int consoleFd = ConsoleSocketFd();
        if (consoleFd >= 0) fds.Add(consoleFd);
        int cgroupFd = _cgroup!.Paths.TryGetValue("", out string? cgroup2) ? Sys.Open(cgroup2, Sys.O_DIRECTORY | Sys.O_RDONLY) : -1;
        if (cgroupFd >= 0)
        {
            _cgroupFdInChild = fds.Count;
            fds.Add(cgroupFd);
        }
        try
        {
            Trace.Step("spawn the bootstrap (/proc/self/exe init): nsexec.c will clone the init into new namespaces");
            _bootstrapPid = Spawner.Spawn("/proc/self/exe", ["berth-runtime", "init"], [$"_BERTH_INITPIPE={initPipe}"], fds);
        }
        finally
        {
            Sys.Close(childFd);
            if (cgroupFd >= 0) Sys.Close(cgroupFd);
            if (consoleFd >= 0 && consoleFd != _options.ConsoleSocketFd) Sys.Close(consoleFd);
        }
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

    /// <summary>Sends the namespaces to nsexec.c, receives the init's pid, writes id maps if there is a user namespace.</summary>
    private int CloneInit()
    {
        var plan = NamespacePlan.FromSpec(_spec.Linux?.Namespaces);
        Trace.Step($"clone the init with {plan.Describe()}");
        if (_cgroupFdInChild >= 0) Trace.Step($"clone3 with CLONE_INTO_CGROUP: the init is born in {_cgroup!.Paths[""]}");
        _channel!.Send(InitMessage.Bootstrap, BootstrapMessage.Encode(plan.CloneFlags, _cgroupFdInChild, plan.Joins));
        byte[] pidBytes = _channel.Expect(InitMessage.Pid, "the bootstrap exited before cloning the init");
        int pid = BitConverter.ToInt32(pidBytes);
        Sys.WaitPid(_bootstrapPid, 0, out _);
        _bootstrapPid = -1;
        Trace.Step($"init is pid {pid} on the host");
        if ((plan.CloneFlags & NamespacePlan.CloneNewUser) != 0)
        {
            IdMaps.Write(pid, _spec.Linux!.UidMappings, _spec.Linux.GidMappings);
            _channel.Send(InitMessage.MapsDone);
        }
        return pid;
    }

    private void SendConfig()
    {
        var config = new InitConfig
        {
            Spec = _spec,
            Id = _options.Id,
            Bundle = _bundle,
            Rootfs = _rootfs,
            FifoPath = _store.FifoPath(_options.Id),
            NoPivot = _options.NoPivot,
            PreserveFds = _options.PreserveFds,
            ConsoleSocketFd = _spec.Process?.Terminal == true ? 3 + _options.PreserveFds + 1 : -1,
            Seccomp = Seccomp,
            Trace = Trace.Enabled,
        };
        CgroupMountPlan.Fill(config, _host, _cgroup!);
        _channel!.Send(InitMessage.Config, JsonSerializer.SerializeToUtf8Bytes(config, RuntimeJsonContext.Default.InitConfig));
    }

    private void RunCreateHooks()
    {
        _channel!.Expect(InitMessage.MountsReady, InitGoneText());
        var state = new Oci.Spec.State { Id = _options.Id, Status = "creating", Pid = _initPid, Bundle = _bundle, Annotations = _spec.Annotations };
        HookRunner.Run("prestart", _spec.Hooks?.Prestart, state);
        HookRunner.Run("createRuntime", _spec.Hooks?.CreateRuntime, state);
        _channel.Send(InitMessage.HooksDone, JsonSerializer.SerializeToUtf8Bytes(state, OciJsonContext.Default.State));
    }

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

    private void WritePidFile()
    {
        if (string.IsNullOrEmpty(_options.PidFile)) return;
        string path = Path.GetFullPath(_options.PidFile);
        string temp = path + ".tmp";
        File.WriteAllText(temp, _initPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(temp, path, overwrite: true);
    }

    private string InitGoneText() => $"the container's init (pid {_initPid}) exited during setup";

    /// <summary>Undoes every step that was done: kill and reap the init, remove the cgroup and the state directory.</summary>
    internal void Cleanup()
    {
        Try(() =>
        {
            if (_bootstrapPid > 0) { Sys.Kill(_bootstrapPid, Sys.SIGKILL); Sys.WaitPid(_bootstrapPid, 0, out _); }
            if (_initPid > 0) { Sys.Kill(_initPid, Sys.SIGKILL); Sys.WaitPid(_initPid, 0, out _); }
        });
        _channel?.Dispose();
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
