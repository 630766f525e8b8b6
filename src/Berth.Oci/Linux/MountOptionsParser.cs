using static Berth.Oci.Linux.MountAttributes;

namespace Berth.Oci.Linux;

/// <summary>
/// Accumulates option words left to right into a <see cref="MountOptions"/>, with runc's rules: a
/// clearing word ("rw") removes what an earlier setting word ("ro") set and the other way round, and
/// an access-time attribute in attr_set also puts MOUNT_ATTR__ATIME in attr_clr (mount_setattr(2)).
/// Two deliberate differences from runc: "defaults" is a no-op (runc passes it on as filesystem data,
/// which tmpfs and others reject), and null or empty words are skipped.
/// </summary>
internal sealed class MountOptionsParser
{
    private ulong _flags;
    private ulong _cleared;
    private ulong _recursiveSet;
    private ulong _recursiveClear;
    private bool _tmpCopyUp;
    private bool _idMap;
    private bool _idMapRecursive;
    private readonly List<ulong> _propagations = [];
    private readonly List<string> _data = [];

    internal static MountOptions Parse(IEnumerable<string>? options)
    {
        var parser = new MountOptionsParser();
        foreach (string? option in options ?? [])
        {
            if (!string.IsNullOrEmpty(option)) parser.Add(option);
        }
        return parser.Build();
    }

    private void Add(string option)
    {
        if (!MountOptionTable.TryGet(option, out var entry))
        {
            _data.Add(option);
            return;
        }
        switch (entry.Kind)
        {
            case MountOptionKind.Flag: AddFlag(entry); break;
            case MountOptionKind.Propagation: _propagations.Add(entry.Flag); break;
            case MountOptionKind.RecursiveAttribute: AddRecursiveAttribute(entry); break;
            case MountOptionKind.Extension: _tmpCopyUp = true; break;
            case MountOptionKind.IdMap: (_idMap, _idMapRecursive) = (true, entry.Flag != 0); break;
        }
    }

    private void AddFlag(MountOptionEntry entry)
    {
        if (entry.Clear)
        {
            _flags &= ~entry.Flag;
            _cleared |= entry.Flag;
        }
        else
        {
            _flags |= entry.Flag;
            _cleared &= ~entry.Flag;
        }
    }

    private void AddRecursiveAttribute(MountOptionEntry entry)
    {
        if (entry.Clear)
        {
            _recursiveClear |= entry.Flag;
            _recursiveSet &= ~entry.Flag;
            return;
        }
        _recursiveSet |= entry.Flag;
        _recursiveClear &= ~entry.Flag;
        if ((entry.Flag & MOUNT_ATTR__ATIME) == entry.Flag)
        {
            // mount_setattr(2): an access-time mode in attr_set needs MOUNT_ATTR__ATIME in attr_clr.
            _recursiveClear |= MOUNT_ATTR__ATIME;
        }
    }

    private MountOptions Build() => new()
    {
        Flags = _flags,
        ClearedFlags = _cleared,
        PropagationFlags = _propagations.Aggregate(0UL, (all, flag) => all | flag),
        Propagations = _propagations.ToArray(),
        RecursiveAttrSet = _recursiveSet,
        RecursiveAttrClear = _recursiveClear,
        TmpCopyUp = _tmpCopyUp,
        IdMap = _idMap,
        IdMapRecursive = _idMapRecursive,
        Data = string.Join(',', _data),
    };
}
