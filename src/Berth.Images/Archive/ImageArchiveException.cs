using Berth.Oci;

namespace Berth.Images.Archive;

/// <summary>An image archive (save/load) or rootfs tarball (import) is unusable: truncated, not a known format, a file it names is missing, content that does not match its digest.</summary>
public sealed class ImageArchiveException : BerthException
{
    public ImageArchiveException(string message) : base(message) { }
    public ImageArchiveException(string message, Exception inner) : base(message, inner) { }
}
