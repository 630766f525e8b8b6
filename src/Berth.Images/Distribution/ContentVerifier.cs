using System.Security.Cryptography;
using Berth.Images.Reference;

namespace Berth.Images.Distribution;

/// <summary>Hashes content with a digest's algorithm and compares (pure).</summary>
public static class ContentVerifier
{
    public static HashAlgorithmName AlgorithmOf(Digest digest) => digest.Algorithm switch
    {
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => throw new InvalidReferenceException(digest.ToString(), "unsupported digest algorithm"),
    };

    public static Digest Compute(Digest like, ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(AlgorithmOf(like));
        hash.AppendData(content);
        return new Digest(like.Algorithm, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static bool Matches(Digest expected, ReadOnlySpan<byte> content) => Compute(expected, content) == expected;
}
