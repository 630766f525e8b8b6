using System.Security.Cryptography;

namespace Berth.Images.Reference;

/// <summary>
/// A content digest <c>algorithm:hex</c> (OCI image spec, descriptor.md): the name of every blob and manifest.
/// Only the registered algorithms are accepted (sha256, sha512; sha384 for Docker), hex in lower case and of
/// the algorithm's length, so a digest is always a safe file name.
/// </summary>
public readonly record struct Digest(string Algorithm, string Hex)
{
    public override string ToString() => $"{Algorithm}:{Hex}";

    /// <summary>The first 12 hex characters: how docker shows image IDs.</summary>
    public string Short => Hex[..Math.Min(12, Hex.Length)];

    public static Digest Parse(string text) =>
        TryParse(text, out var digest, out string? reason) ? digest : throw new InvalidReferenceException(text, reason!);

    public static bool TryParse(string text, out Digest digest, out string? reason)
    {
        digest = default;
        int colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            reason = "invalid digest format (expected algorithm:hex, e.g. sha256:<64 hex>)";
            return false;
        }
        string algorithm = text[..colon], hex = text[(colon + 1)..];
        int expected = algorithm switch { "sha256" => 64, "sha384" => 96, "sha512" => 128, _ => -1 };
        if (expected < 0) reason = $"unsupported digest algorithm \"{algorithm}\" (use sha256 or sha512)";
        else if (hex.Length != expected) reason = $"invalid checksum digest length: {algorithm} needs {expected} hex characters, got {hex.Length}";
        else if (!hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) reason = "invalid checksum digest format: hex must be lower-case [0-9a-f]";
        else reason = null;
        if (reason is not null) return false;
        digest = new Digest(algorithm, hex);
        return true;
    }

    /// <summary>The sha256 digest of some bytes (manifests, configs).</summary>
    public static Digest Sha256(ReadOnlySpan<byte> data) => new("sha256", Convert.ToHexStringLower(SHA256.HashData(data)));
}
