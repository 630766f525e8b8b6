using System.Globalization;

namespace Berth.Storage.Layers.Tar;

/// <summary>Merges a header block with the PAX records and GNU long names that preceded it (pure).</summary>
internal static class TarEntryBuilder
{
    private const string XattrPrefix = "SCHILY.xattr.";

    internal static TarEntryHeader Build(
        TarHeaderBlock header, Dictionary<string, byte[]>? pax, string? longName, string? longLink, long offset)
    {
        pax ??= [];
        RejectSparse(header, pax, offset);
        string name = pax.TryGetValue("path", out var p) ? PaxRecords.Text(p) : longName ?? header.Name;
        var (seconds, nanoseconds) = pax.TryGetValue("mtime", out var m) ? ParseTime(m, offset) : (header.Mtime, 0u);
        return new TarEntryHeader(
            Name: name,
            Kind: Kind(header.TypeFlag, name, offset),
            LinkName: pax.TryGetValue("linkpath", out var l) ? PaxRecords.Text(l) : longLink ?? header.LinkName,
            Mode: header.Mode,
            Uid: Id(pax, "uid", header.Uid, offset),
            Gid: Id(pax, "gid", header.Gid, offset),
            Size: pax.TryGetValue("size", out var s) ? LayerTarReader.ParsePaxNumber(s, "size", offset) : header.Size,
            MtimeSeconds: seconds,
            MtimeNanoseconds: nanoseconds,
            DeviceMajor: checked((uint)header.DeviceMajor),
            DeviceMinor: checked((uint)header.DeviceMinor),
            Xattrs: Xattrs(pax));
    }

    private static TarEntryKind Kind(char typeFlag, string name, long offset) => typeFlag switch
    {
        '0' or '7' => TarEntryKind.File,
        '\0' => name.EndsWith('/') ? TarEntryKind.Directory : TarEntryKind.File,
        '1' => TarEntryKind.Hardlink,
        '2' => TarEntryKind.Symlink,
        '3' => TarEntryKind.CharDevice,
        '4' => TarEntryKind.BlockDevice,
        '5' => TarEntryKind.Directory,
        '6' => TarEntryKind.Fifo,
        _ => throw TarHeaderBlock.Corrupt($"entry \"{name}\" has unsupported tar type '{typeFlag}'", offset),
    };

    private static void RejectSparse(TarHeaderBlock header, Dictionary<string, byte[]> pax, long offset)
    {
        if (header.TypeFlag == 'S' || pax.Keys.Any(k => k.StartsWith("GNU.sparse.", StringComparison.Ordinal)))
        {
            throw new LayerUnpackException(
                $"layer archive entry at byte {offset} is a GNU sparse file, which OCI layers do not use and Berth does not unpack");
        }
    }

    private static uint Id(Dictionary<string, byte[]> pax, string key, long fromHeader, long offset)
    {
        long value = pax.TryGetValue(key, out var v) ? LayerTarReader.ParsePaxNumber(v, key, offset) : fromHeader;
        return value is >= 0 and <= uint.MaxValue ? (uint)value : throw TarHeaderBlock.Corrupt($"{key} {value} out of range", offset);
    }

    /// <summary>PAX mtime is decimal seconds with an optional fraction: "1700000000.123456789".</summary>
    internal static (long Seconds, uint Nanoseconds) ParseTime(byte[] value, long offset)
    {
        string text = PaxRecords.Text(value);
        string[] parts = text.Split('.', 2);
        if (!long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
        {
            throw TarHeaderBlock.Corrupt($"PAX mtime \"{text}\" is not a time", offset);
        }
        string fraction = parts.Length > 1 ? (parts[1] + "000000000")[..9] : "0";
        return uint.TryParse(fraction, NumberStyles.None, CultureInfo.InvariantCulture, out uint nanos)
            ? (seconds, nanos)
            : throw TarHeaderBlock.Corrupt($"PAX mtime \"{text}\" is not a time", offset);
    }

    private static Dictionary<string, byte[]> Xattrs(Dictionary<string, byte[]> pax)
    {
        var xattrs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in pax)
        {
            if (key.StartsWith(XattrPrefix, StringComparison.Ordinal) && key.Length > XattrPrefix.Length)
            {
                xattrs[key[XattrPrefix.Length..]] = value;
            }
        }
        return xattrs;
    }
}
