namespace Berth.Storage.Snapshots;

/// <summary>
/// Snapshot keys become directory names and appear in overlay mount options, where ',' and ':' are separators,
/// so a key is restricted to [A-Za-z0-9][A-Za-z0-9_.-]{0,127} (container IDs and names fit). Pure.
/// </summary>
public static class SnapshotKey
{
    public static void Validate(string key)
    {
        bool ok = key.Length is > 0 and <= 128 && char.IsAsciiLetterOrDigit(key[0])
            && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
        if (!ok)
        {
            throw new StorageException(
                $"invalid snapshot key \"{key}\": use letters, digits, '_', '.', '-' (starting with a letter or digit, at most 128)");
        }
    }
}
