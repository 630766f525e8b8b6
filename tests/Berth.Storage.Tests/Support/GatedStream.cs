namespace Berth.Storage.Tests.Support;

/// <summary>A read-only stream over bytes whose first read waits for a gate, to line up concurrent readers.</summary>
public sealed class GatedStream(byte[] data, Task gate) : MemoryStream(data, writable: false)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return await base.ReadAsync(buffer, cancellationToken);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return await base.ReadAsync(buffer, offset, count, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        gate.Wait();
        return base.Read(buffer, offset, count);
    }
}
