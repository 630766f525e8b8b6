namespace Berth.Images.Archive;

/// <summary>
/// A read-only stream that first returns bytes already read from <c>inner</c> (to look at its magic number),
/// then the rest of <c>inner</c>: lets a non-seekable input (stdin) be sniffed and still read whole.
/// </summary>
internal sealed class SniffedStream(byte[] prefix, Stream inner) : Stream
{
    private int _position;

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="input"/> to look at, and a stream that still yields everything.</summary>
    public static async Task<(byte[] Magic, Stream Stream)> OpenAsync(Stream input, int count, CancellationToken cancellationToken)
    {
        byte[] magic = new byte[count];
        int read = await input.ReadAtLeastAsync(magic, count, throwOnEndOfStream: false, cancellationToken);
        magic = magic[..read];
        return (magic, new SniffedStream(magic, input));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefix.Length) return Read(buffer.Span);
        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
