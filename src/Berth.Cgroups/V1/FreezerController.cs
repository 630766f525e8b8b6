namespace Berth.Cgroups.V1;

/// <summary>
/// freezer (v1): writing FROZEN to freezer.state asks the kernel to stop every task of the cgroup; the state reads
/// FREEZING until all of them stopped, then FROZEN. A task that is forking (or joining) can keep it in FREEZING, so,
/// like runc, Berth writes FROZEN again and re-reads up to 1000 times, thawing and resting 10 ms every 50 tries to
/// let such tasks finish; on failure it thaws again rather than leave a half-frozen container.
/// freezer.self_freezing tells "frozen by us" from "frozen because an ancestor is".
/// </summary>
internal sealed class FreezerController : V1Controller
{
    private const string State = "freezer.state";
    private const string Frozen = "FROZEN";
    private const string Thawed = "THAWED";
    private const string Freezing = "FREEZING";
    private const int Attempts = 1000;
    private static readonly TimeSpan s_rest = TimeSpan.FromMilliseconds(10);

    public FreezerController(string mountpoint, string relative, CgroupFs fs)
        : base("freezer", mountpoint, relative, fs)
    {
    }

    public void Freeze()
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt % 50 == 49)
            {
                Write(State, Thawed);
                Fs.Pause(s_rest);
            }
            Write(State, Frozen);
            string state = Read(State);
            if (state == Frozen)
            {
                return;
            }
            if (state != Freezing)
            {
                throw new CgroupException($"read {PathOf(State)}: unexpected state \"{state}\" while freezing");
            }
        }
        Write(State, Thawed);
        throw new CgroupException($"{PathOf(State)} stayed {Freezing} after {Attempts} attempts (tasks kept forking or joining): "
            + "the cgroup was thawed again; retry the pause");
    }

    public void Thaw() => Write(State, Thawed);

    /// <summary>
    /// FREEZING is waited out (1 ms steps, up to <see cref="Attempts"/> of them; runc waits without bound) so the
    /// answer is stable; FROZEN through an ancestor only counts as thawed.
    /// </summary>
    public FreezerState GetState()
    {
        for (int poll = 0; poll < Attempts; poll++)
        {
            if (!Fs.DirectoryExists(Directory) || !Exists(State))
            {
                return FreezerState.Undefined;
            }
            switch (Read(State))
            {
                case Thawed:
                    return FreezerState.Thawed;
                case Frozen:
                    return SelfFreezing();
                case Freezing:
                    Fs.Pause(TimeSpan.FromMilliseconds(1));
                    continue;
                case var other:
                    throw new CgroupException($"read {PathOf(State)}: unknown state \"{other}\"");
            }
        }
        throw new CgroupException($"{PathOf(State)} stayed {Freezing} for {Attempts} ms: a pause is still in progress or stuck; retry");
    }

    private FreezerState SelfFreezing()
    {
        if (!Exists("freezer.self_freezing"))
        {
            return FreezerState.Frozen;
        }
        return Read("freezer.self_freezing") switch
        {
            "1" => FreezerState.Frozen,
            "0" => FreezerState.Thawed,
            var other => throw new CgroupException($"read {PathOf("freezer.self_freezing")}: unknown value \"{other}\""),
        };
    }
}
