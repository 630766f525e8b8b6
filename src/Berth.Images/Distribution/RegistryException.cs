using Berth.Oci;

namespace Berth.Images.Distribution;

/// <summary>A registry operation failed; <see cref="Kind"/> says how, the message says on what and what to do.</summary>
public sealed class RegistryException : BerthException
{
    public RegistryException(RegistryErrorKind kind, string message) : base(message) => Kind = kind;
    public RegistryException(RegistryErrorKind kind, string message, Exception inner) : base(message, inner) => Kind = kind;

    public RegistryErrorKind Kind { get; }
}
