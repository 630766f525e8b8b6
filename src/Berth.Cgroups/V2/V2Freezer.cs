namespace Berth.Cgroups.V2;

/// <summary>
/// The cgroup2 freezer (Linux 5.2+), a core file of every non-root cgroup rather than a controller: writing 1 to
/// cgroup.freeze asks the kernel to stop the cgroup's tasks; it reports them all stopped by "frozen 1" in
/// cgroup.events. Like runc, Berth polls cgroup.events every 10 ms, up to 10 s; if the cgroup does not freeze in
/// time it is thawed again and the pause fails.
/// </summary>
internal static class V2Freezer
{
    private const string Freeze = "cgroup.freeze";
    private const string Events = "cgroup.events";
    private const int Polls = 1000;
    private static readonly TimeSpan s_pollDelay = TimeSpan.FromMilliseconds(10);

    public static void Set(V2Files files, bool frozen)
    {
        if (!files.Exists(Freeze))
        {
            if (!frozen)
            {
                return; // nothing can be frozen without the file: thawing is a no-op, as in runc
            }
            throw new CgroupException($"cannot pause: {files.PathOf(Freeze)} does not exist "
                + (files.Fs.DirectoryExists(files.Directory) ? "(the cgroup2 freezer needs Linux 5.2 or later)" : "(the cgroup does not exist)"));
        }
        files.Write(Freeze, frozen ? "1" : "0");
        if (frozen && !WaitFrozen(files))
        {
            files.Write(Freeze, "0");
            throw new CgroupException($"{files.PathOf(Events)} did not report \"frozen 1\" within {s_pollDelay * Polls}: "
                + "the cgroup was thawed again; retry the pause");
        }
    }

    public static FreezerState GetState(V2Files files)
    {
        if (!files.Exists(Freeze))
        {
            return FreezerState.Undefined;
        }
        return files.Fs.Read(files.PathOf(Freeze)).Trim() switch
        {
            "0" => FreezerState.Thawed,
            "1" => WaitFrozen(files) ? FreezerState.Frozen : FreezerState.Undefined,
            var other => throw new CgroupException($"read {files.PathOf(Freeze)}: unknown value \"{other}\""),
        };
    }

    private static bool WaitFrozen(V2Files files)
    {
        for (int poll = 0; poll < Polls; poll++)
        {
            if (new Stats.StatFiles(files.Fs, files.Directory).Key(Events, "frozen") == 1)
            {
                return true;
            }
            files.Fs.Pause(s_pollDelay);
        }
        return false;
    }
}
