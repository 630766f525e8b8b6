using System.Globalization;

namespace Berth.Storage.Layers.Tar;

/// <summary>
/// Reads a tar stream entry by entry without seeking (the stream is usually a decompressor over a download).
/// Merges PAX extended headers ('x'), GNU long names ('L', 'K') into the entry they describe, skips PAX global
/// headers ('g'), keeps xattr values as raw bytes and rejects sparse files. Written by hand because
/// System.Formats.Tar decodes PAX values as UTF-8 text, which corrupts binary xattrs such as security.capability.
/// Truncation (end of stream before the two zero blocks that end an archive) is an error.
/// </summary>
public sealed class LayerTarReader
{
    private const int MaxMetadataSize = 1 << 20;
    private readonly Stream _stream;
    private readonly byte[] _block = new byte[TarHeaderBlock.BlockSize];
    private long _offset;
    private long _remaining;
    private int _padding;
    private string _entryName = "";

    public LayerTarReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The next entry, or null at the end of the archive. Unread data of the previous entry is skipped.</summary>
    public async ValueTask<TarEntryHeader?> ReadNextAsync(CancellationToken cancellationToken)
    {
        await SkipDataAsync(cancellationToken);
        Dictionary<string, byte[]>? pax = null;
        string? longName = null, longLink = null;
        while (true)
        {
            long headerOffset = _offset;
            await ReadExactlyAsync(_block, "a tar header", cancellationToken);
            if (TarHeaderBlock.IsZeroBlock(_block))
            {
                return null;
            }
            var header = TarHeaderBlock.Parse(_block, headerOffset);
            switch (header.TypeFlag)
            {
                case 'x':
                    pax = PaxRecords.Parse(await ReadMetadataAsync(header, cancellationToken), headerOffset);
                    continue;
                case 'g':
                    await ReadMetadataAsync(header, cancellationToken);
                    continue;
                case 'L':
                    longName = TarHeaderBlock.Text(await ReadMetadataAsync(header, cancellationToken));
                    continue;
                case 'K':
                    longLink = TarHeaderBlock.Text(await ReadMetadataAsync(header, cancellationToken));
                    continue;
            }
            var entry = TarEntryBuilder.Build(header, pax, longName, longLink, headerOffset);
            StartData(entry.Size, entry.Name);
            return entry;
        }
    }

    /// <summary>Reads the current entry's data; 0 at its end.</summary>
    public async ValueTask<int> ReadDataAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_remaining == 0)
        {
            return 0;
        }
        var slice = buffer[..(int)Math.Min(buffer.Length, _remaining)];
        int read = await _stream.ReadAsync(slice, cancellationToken);
        if (read == 0)
        {
            throw Truncated($"the data of \"{_entryName}\"");
        }
        _remaining -= read;
        _offset += read;
        return read;
    }

    /// <summary>Reads whatever follows the end-of-archive marker, so a digest over the whole stream can be checked.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _stream.CopyToAsync(Stream.Null, cancellationToken);
    }

    private void StartData(long size, string name)
    {
        _remaining = size;
        _padding = (int)((TarHeaderBlock.BlockSize - size % TarHeaderBlock.BlockSize) % TarHeaderBlock.BlockSize);
        _entryName = name;
    }

    private async Task SkipDataAsync(CancellationToken cancellationToken)
    {
        byte[] scratch = new byte[16384];
        while (await ReadDataAsync(scratch, cancellationToken) > 0)
        {
        }
        if (_padding > 0)
        {
            await ReadExactlyAsync(_block.AsMemory(0, _padding), $"the padding after \"{_entryName}\"", cancellationToken);
            _padding = 0;
        }
    }

    private async Task<byte[]> ReadMetadataAsync(TarHeaderBlock header, CancellationToken cancellationToken)
    {
        if (header.Size > MaxMetadataSize)
        {
            throw TarHeaderBlock.Corrupt($"extended header of {header.Size} bytes is larger than {MaxMetadataSize}", _offset);
        }
        int padded = (int)((header.Size + TarHeaderBlock.BlockSize - 1) / TarHeaderBlock.BlockSize * TarHeaderBlock.BlockSize);
        byte[] body = new byte[padded];
        await ReadExactlyAsync(body, "an extended header", cancellationToken);
        return body[..(int)header.Size];
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int read = await _stream.ReadAsync(buffer[done..], cancellationToken);
            if (read == 0)
            {
                throw Truncated(what);
            }
            done += read;
        }
        _offset += done;
    }

    private LayerUnpackException Truncated(string what) =>
        new($"layer archive is truncated: the stream ended at byte {_offset} while reading {what}");

    internal static long ParsePaxNumber(byte[] value, string key, long offset) =>
        long.TryParse(PaxRecords.Text(value), NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            ? number
            : throw TarHeaderBlock.Corrupt($"PAX record {key} is not a number", offset);
}
