using System.Text;

namespace Berth.Storage.Tests.Support;

/// <summary>Writes tar blocks by hand, for what TarWriter cannot produce: binary PAX values, odd type flags, base-256.</summary>
public sealed class RawTar
{
    private readonly MemoryStream _data = new();

    public RawTar Entry(string name, char type, byte[]? body = null, int mode = 0x1A4, Action<byte[]>? patch = null)
    {
        body ??= [];
        byte[] header = new byte[512];
        Put(header, 0, name);
        Put(header, 100, Octal(mode, 7));
        Put(header, 108, Octal(0, 7));
        Put(header, 116, Octal(0, 7));
        Put(header, 124, Octal(body.Length, 11));
        Put(header, 136, Octal(1600000000, 11));
        header[156] = (byte)type;
        Put(header, 257, "ustar\0");
        Put(header, 263, "00");
        patch?.Invoke(header);
        Put(header, 148, "        ");
        int sum = header.Sum(b => b);
        Put(header, 148, Octal(sum, 6) + "\0 ");
        _data.Write(header);
        _data.Write(body);
        _data.Write(new byte[(512 - body.Length % 512) % 512]);
        return this;
    }

    /// <summary>A PAX 'x' header with the given records (values as raw bytes), then the entry itself.</summary>
    public RawTar PaxEntry(string name, char type, IEnumerable<(string Key, byte[] Value)> records, byte[]? body = null)
    {
        var pax = new MemoryStream();
        foreach (var (key, value) in records)
        {
            byte[] rest = [.. Encoding.UTF8.GetBytes($" {key}="), .. value, (byte)'\n'];
            int length = rest.Length + 1;
            while ((length.ToString().Length + rest.Length) != length)
            {
                length = length.ToString().Length + rest.Length;
            }
            pax.Write(Encoding.UTF8.GetBytes(length.ToString()));
            pax.Write(rest);
        }
        Entry("PaxHeaders/" + name, 'x', pax.ToArray());
        return Entry(name, type, body);
    }

    public byte[] End()
    {
        _data.Write(new byte[1024]);
        return _data.ToArray();
    }

    private static string Octal(long value, int digits) => Convert.ToString(value, 8).PadLeft(digits, '0');

    private static void Put(byte[] header, int offset, string text) => Encoding.UTF8.GetBytes(text).CopyTo(header, offset);
}
