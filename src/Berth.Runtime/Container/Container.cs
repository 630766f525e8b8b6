using Berth.Cgroups;
using Berth.Oci.Spec;
using Berth.Runtime.Process;
using Berth.Runtime.State;

namespace Berth.Runtime.Container;

/// <summary>
/// One container under --root. Each operation lives in its own partial file (Container.Create.cs, …).
/// Status follows runtime-spec runtime.md: creating → created → running → stopped.
/// </summary>
public sealed partial class Container
{
    private readonly StateStore _store;
    private Spec? _spec;
    private ICgroupManager? _cgroup;

    public ContainerState State { get; }

    /// <summary>`run` without a terminal: the user process was started by create itself (no exec.fifo).</summary>
    internal bool StartedAtCreate { get; init; }

    private Container(StateStore store, ContainerState state, Spec? spec = null, ICgroupManager? cgroup = null)
    {
        _store = store;
        State = state;
        _spec = spec;
        _cgroup = cgroup;
    }

    /// <summary>The saved copy of config.json (read once; already in memory when this process created the container).</summary>
    private Spec? SavedSpec()
    {
        if (_spec is null)
        {
            string path = _store.ConfigPath(Id);
            _spec = File.Exists(path) ? Oci.SpecLoader.ParseUtf8(File.ReadAllBytes(path), path) : null;
        }
        return _spec;
    }

    /// <summary>The container's cgroups, with the host's layout as saved at create (else detected again).</summary>
    private ICgroupManager Cgroup() =>
        _cgroup ??= CgroupManagerFactory.Create(
            CgroupHost.FromManagerPaths(State.CgroupPaths, CgroupsPath.Resolve(State.CgroupsPath, Id)) ?? CgroupHost.Detect(),
            State.CgroupsPath, Id, Tracing.Trace.Step);

    public string Id => State.Id;

    public static Container Load(StateStore store, string id) => new(store, store.Load(id));

    /// <summary>
    /// "created" while the init waits on exec.fifo, "running" after start, "paused" while its cgroup is
    /// frozen, "stopped" once the init is gone.
    /// </summary>
    public string Status
    {
        get
        {
            if (State.Stopped || !ProcStat.IsAlive(State.Pid, State.PidStartTime)) return "stopped";
            if (File.Exists(_store.FifoPath(Id))) return "created";
            return Cgroup().GetFreezerState() == FreezerState.Frozen ? "paused" : "running";
        }
    }

    public RuncState ToRuncState()
    {
        string status = Status;
        return new RuncState
        {
            Id = Id,
            Pid = status == "stopped" ? 0 : State.Pid,
            Status = status,
            Bundle = State.Bundle,
            Rootfs = State.Rootfs,
            Created = State.Created,
            Owner = State.Owner,
            Annotations = State.Annotations,
        };
    }

    /// <summary>The OCI state handed to hooks.</summary>
    internal Oci.Spec.State OciState(string status) => new()
    {
        Id = Id,
        Status = status,
        Pid = status == "stopped" ? 0 : State.Pid,
        Bundle = State.Bundle,
        Annotations = State.Annotations,
    };
}
