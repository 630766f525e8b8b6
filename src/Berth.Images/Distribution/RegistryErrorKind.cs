namespace Berth.Images.Distribution;

/// <summary>What went wrong talking to a registry; the CLI and tests branch on it, the message explains it.</summary>
public enum RegistryErrorKind
{
    /// <summary>The tag or digest does not exist (OCI distribution error code MANIFEST_UNKNOWN, or 404).</summary>
    ManifestUnknown,
    /// <summary>The repository does not exist (NAME_UNKNOWN).</summary>
    NameUnknown,
    BlobUnknown,
    /// <summary>401 after offering credentials (or none were found).</summary>
    Unauthorized,
    /// <summary>403: authenticated but not allowed.</summary>
    Denied,
    /// <summary>DNS, connection refused, TLS failure, timeout.</summary>
    Unreachable,
    /// <summary>Content whose sha256 is not the digest it was asked for.</summary>
    DigestMismatch,
    /// <summary>Content longer or shorter (truncated) than its descriptor's size.</summary>
    SizeMismatch,
    /// <summary>The index has no manifest for the wanted os/arch/variant.</summary>
    PlatformNotFound,
    TooManyRequests,
    /// <summary>Anything else the registry answered that the protocol does not allow.</summary>
    Protocol,
}
