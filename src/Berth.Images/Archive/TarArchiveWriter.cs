using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Berth.Images.Archive;

/// <summary>
/// Writes a POSIX ustar archive (the layout docker save, skopeo and podman write): a 512-byte header per entry,
/// the data padded to 512 bytes, two zero blocks at the end. Entries are owned by 0:0 with mtime 0, so the same
/// images give the same archive. Data of unknown length (a layer decompressed on the fly) needs a seekable output:
/// the header is written with size 0, the data streamed, then the header rewritten with the real size.
/// </summary>
internal sealed class TarArchiveWriter
{
    private const int BlockSize = 512;
    private readonly Stream _output;

    public TarArchiveWriter(Stream output) => _output = output;

    public void WriteDirectory(string name) => WriteHeader(name.TrimEnd('/') + "/", 0, '5', 0x1ED);

    public void WriteFile(string name, ReadOnlySpan<byte> content)
    {
        WriteHeader(name, content.Length, '0', 0x1A4);
        _output.Write(content);
        Pad(content.Length);
    }

    /// <summary>Copies <paramref name="source"/> as the file <paramref name="name"/>; returns its length and sha256.</summary>
    public async Task<(long Size, string Sha256)> WriteFileAsync(string name, Stream source, CancellationToken cancellationToken)
    {
        long headerAt = _output.Position;
        WriteHeader(name, 0, '0', 0x1A4);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        long size = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await _output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Pad(size);
        long end = _output.Position;
        _output.Position = headerAt;
        WriteHeader(name, size, '0', 0x1A4);
        _output.Position = end;
        return (size, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The end-of-archive marker: two zero blocks.</summary>
    public void Finish()
    {
        _output.Write(new byte[2 * BlockSize]);
        _output.Flush();
    }

    private void Pad(long size)
    {
        int padding = (int)((BlockSize - size % BlockSize) % BlockSize);
        if (padding > 0) _output.Write(new byte[padding]);
    }

    private void WriteHeader(string name, long size, char type, int mode) => _output.Write(Header(name, size, type, mode));

    /// <summary>A ustar header block (pure). Names longer than 100 bytes use the 155-byte prefix field.</summary>
    internal static byte[] Header(string name, long size, char type, int mode)
    {
        byte[] block = new byte[BlockSize];
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        int split = nameBytes.Length <= 100 ? 0 : Array.LastIndexOf(nameBytes, (byte)'/', Math.Min(nameBytes.Length - 1, 155));
        if (nameBytes.Length > 100 && (split <= 0 || nameBytes.Length - split - 1 > 100)) throw new ArgumentException($"tar entry name too long: {name}");
        if (split > 0)
        {
            nameBytes[..split].CopyTo(block, 345);
            nameBytes[(split + 1)..].CopyTo(block, 0);
        }
        else nameBytes.CopyTo(block, 0);
        Octal(block, 100, 8, mode);
        Octal(block, 108, 8, 0);
        Octal(block, 116, 8, 0);
        Size(block, size);
        Octal(block, 136, 12, 0);
        block[156] = (byte)type;
        "ustar\0"u8.CopyTo(block.AsSpan(257));
        "00"u8.CopyTo(block.AsSpan(263));
        "        "u8.CopyTo(block.AsSpan(148));
        int checksum = block.Sum(b => b);
        Octal(block, 148, 7, checksum);
        return block;
    }

    /// <summary>Octal, zero-padded, NUL-terminated; sizes of 8 GiB and more in GNU base-256 form.</summary>
    private static void Size(byte[] block, long size)
    {
        if (size < 0x1_FFFF_FFFFL)
        {
            Octal(block, 124, 12, size);
            return;
        }
        block[124] = 0x80;
        for (int i = 135; i > 124; i--, size >>= 8) block[i] = (byte)(size & 0xFF);
    }

    private static void Octal(byte[] block, int offset, int length, long value)
    {
        string text = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(text).CopyTo(block, offset);
        block[offset + length - 1] = 0;
    }
}
