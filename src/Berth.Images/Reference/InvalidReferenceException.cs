using Berth.Oci;

namespace Berth.Images.Reference;

/// <summary>An image reference (<c>name[:tag][@digest]</c>) or a digest that does not follow the grammar.</summary>
public sealed class InvalidReferenceException : BerthException
{
    public InvalidReferenceException(string reference, string reason)
        : base($"invalid reference \"{reference}\": {reason}")
    {
        Reference = reference;
    }

    public string Reference { get; }
}
