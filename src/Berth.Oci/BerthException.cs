namespace Berth.Oci;

/// <summary>
/// An error a user sees: the message is one clear line saying what failed, on which path or field, and
/// (where it helps) what to do. The CLIs print <see cref="Exception.Message"/> only; --debug adds the rest.
/// </summary>
public class BerthException : Exception
{
    public BerthException(string message) : base(message) { }
    public BerthException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>config.json (or another OCI document) is not valid: the message names the field and, for JSON errors, the line.</summary>
public sealed class InvalidSpecException : BerthException
{
    public InvalidSpecException(string message) : base(message) { }
    public InvalidSpecException(string message, Exception inner) : base(message, inner) { }
}
