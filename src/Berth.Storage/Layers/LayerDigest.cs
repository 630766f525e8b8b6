using System.Security.Cryptography;
using System.Text;

namespace Berth.Storage.Layers;

/// <summary>
/// Digests as the OCI image spec writes them ("sha256:" + 64 lowercase hex) and the chain ID rule (pure):
/// ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). A chain ID names a layer
/// together with everything below it, a diff ID (digest of the uncompressed tar) names one layer alone.
/// </summary>
public static class LayerDigest
{
    public static void Validate(string digest)
    {
        const string prefix = "sha256:";
        bool ok = digest.StartsWith(prefix, StringComparison.Ordinal) && digest.Length == prefix.Length + 64
            && digest.AsSpan(prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
        if (!ok)
        {
            throw new StorageException($"\"{digest}\" is not a sha256 digest (expected sha256: and 64 lowercase hex digits)");
        }
    }

    /// <summary>The digest's hex part: a directory name without ':' (overlay uses ':' to separate lowerdirs).</summary>
    public static string Hex(string digest)
    {
        Validate(digest);
        return digest["sha256:".Length..];
    }

    public static string Sha256(ReadOnlySpan<byte> data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>The chain IDs of a stack of layers given bottom to top by their diff IDs.</summary>
    public static IReadOnlyList<string> ChainIds(IReadOnlyList<string> diffIds)
    {
        var chain = new List<string>(diffIds.Count);
        foreach (string diffId in diffIds)
        {
            Validate(diffId);
            chain.Add(chain.Count == 0 ? diffId : Sha256(Encoding.UTF8.GetBytes(chain[^1] + " " + diffId)));
        }
        return chain;
    }
}
