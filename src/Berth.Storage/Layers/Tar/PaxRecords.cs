using System.Text;

namespace Berth.Storage.Layers.Tar;

/// <summary>
/// Parses a PAX extended header body: records "LEN KEY=VALUE\n" where LEN counts the whole record in bytes.
/// Values stay raw bytes: xattr values (SCHILY.xattr.*) are binary and must not go through a text decoder.
/// </summary>
internal static class PaxRecords
{
    internal static Dictionary<string, byte[]> Parse(ReadOnlySpan<byte> body, long offset)
    {
        var records = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (!body.IsEmpty && body[0] != 0)
        {
            int space = body.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(body[..space], out int length) || length <= space + 1 || length > body.Length)
            {
                throw TarHeaderBlock.Corrupt("malformed PAX extended header record", offset);
            }
            ReadOnlySpan<byte> record = body[(space + 1)..length];
            int equals = record.IndexOf((byte)'=');
            if (equals <= 0 || record[^1] != (byte)'\n')
            {
                throw TarHeaderBlock.Corrupt("malformed PAX extended header record", offset);
            }
            records[Encoding.UTF8.GetString(record[..equals])] = record[(equals + 1)..^1].ToArray();
            body = body[length..];
        }
        return records;
    }

    internal static string Text(byte[] value) => Encoding.UTF8.GetString(value);
}
