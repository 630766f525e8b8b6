using Berth.Oci;

namespace Berth.Images.Content;

/// <summary>The local image store cannot do what was asked: no such image, image in use, corrupt record.</summary>
public sealed class ImageStoreException : BerthException
{
    public ImageStoreException(string message) : base(message) { }
    public ImageStoreException(string message, Exception inner) : base(message, inner) { }
}
