namespace Berth.Storage.Snapshots;

/// <summary>Disk used by a snapshot's own writes: bytes allocated (st_blocks × 512) and inodes.</summary>
public readonly record struct SnapshotUsage(long Bytes, long Inodes);
