namespace Berth.Storage;

/// <summary>
/// A layer could not be unpacked: its archive is truncated or corrupt, its digest does not match, or it uses a
/// feature Berth does not support. The half-unpacked directory has already been removed; pulling the image again
/// (which re-downloads and re-verifies the blob) is the usual fix.
/// </summary>
public sealed class LayerUnpackException : StorageException
{
    public LayerUnpackException(string message) : base(message) { }

    public LayerUnpackException(string message, Exception inner) : base(message, inner) { }
}
