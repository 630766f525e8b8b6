using Berth.Oci;

namespace Berth.Images.Manifest;

/// <summary>A manifest, index or config that is not valid JSON or lacks required fields.</summary>
public sealed class InvalidManifestException : BerthException
{
    public InvalidManifestException(string message) : base(message) { }
    public InvalidManifestException(string message, Exception inner) : base(message, inner) { }
}
