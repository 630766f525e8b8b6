using System.Text;

namespace Berth.Storage.Layers.Tar;

/// <summary>
/// The fields of one 512-byte tar header block (POSIX ustar, with the GNU variant): name[100] mode[8] uid[8]
/// gid[8] size[12] mtime[12] chksum[8] typeflag[1] linkname[100] magic[6] version[2] uname[32] gname[32]
/// devmajor[8] devminor[8] prefix[155]. Numbers are octal text, or base-256 when the first byte has its high bit
/// set (GNU, for sizes over 8 GiB and large ids). Pure parsing, no I/O.
/// </summary>
internal sealed record TarHeaderBlock(
    string Name, uint Mode, long Uid, long Gid, long Size, long Mtime, char TypeFlag, string LinkName,
    long DeviceMajor, long DeviceMinor)
{
    internal const int BlockSize = 512;

    internal static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    /// <summary>Parses a header block; throws <see cref="LayerUnpackException"/> when its checksum is wrong.</summary>
    internal static TarHeaderBlock Parse(ReadOnlySpan<byte> block, long offset)
    {
        VerifyChecksum(block, offset);
        bool posix = block.Slice(257, 6).SequenceEqual("ustar\0"u8);
        string name = Text(block.Slice(0, 100));
        string prefix = posix ? Text(block.Slice(345, 155)) : "";
        return new TarHeaderBlock(
            Name: prefix.Length > 0 ? prefix + "/" + name : name,
            Mode: (uint)(Number(block.Slice(100, 8), "mode", offset) & 0xFFF),
            Uid: Number(block.Slice(108, 8), "uid", offset),
            Gid: Number(block.Slice(116, 8), "gid", offset),
            Size: Number(block.Slice(124, 12), "size", offset),
            Mtime: Number(block.Slice(136, 12), "mtime", offset),
            TypeFlag: (char)block[156],
            LinkName: Text(block.Slice(157, 100)),
            DeviceMajor: Number(block.Slice(329, 8), "devmajor", offset),
            DeviceMinor: Number(block.Slice(337, 8), "devminor", offset));
    }

    internal static string Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>An octal field (space/NUL padded) or a GNU base-256 field (first byte 0x80 or 0xff).</summary>
    internal static long Number(ReadOnlySpan<byte> field, string what, long offset)
    {
        if ((field[0] & 0x80) != 0)
        {
            return BaseTwoFiftySix(field, what, offset);
        }
        long value = 0;
        foreach (byte b in field.Trim((byte)' ').Trim((byte)0).Trim((byte)' '))
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                throw Corrupt($"{what} field is not an octal number", offset);
            }
            value = checked(value * 8 + (b - '0'));
        }
        return value;
    }

    private static long BaseTwoFiftySix(ReadOnlySpan<byte> field, string what, long offset)
    {
        if (field[0] == 0xff)
        {
            throw Corrupt($"{what} field is negative", offset);
        }
        long value = field[0] & 0x7f;
        foreach (byte b in field[1..])
        {
            if (value > (long.MaxValue >> 8))
            {
                throw Corrupt($"{what} field overflows", offset);
            }
            value = (value << 8) | b;
        }
        return value;
    }

    private static void VerifyChecksum(ReadOnlySpan<byte> block, long offset)
    {
        long expected = Number(block.Slice(148, 8), "chksum", offset);
        long unsigned = 0, signed = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            byte b = i is >= 148 and < 156 ? (byte)' ' : block[i];
            unsigned += b;
            signed += (sbyte)b;
        }
        if (expected != unsigned && expected != signed)
        {
            throw Corrupt("header checksum does not match (the archive is corrupt or not a tar)", offset);
        }
    }

    internal static LayerUnpackException Corrupt(string what, long offset) =>
        new($"corrupt layer archive: tar header at byte {offset}: {what}");
}
