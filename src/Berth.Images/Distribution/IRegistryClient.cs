using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Distribution;

/// <summary>
/// The OCI distribution API (Docker registry v2) as Berth uses it. Every method verifies what it receives
/// against the digest and size it expected and throws <see cref="RegistryException"/> with a clear message.
/// The repository argument is an <see cref="ImageReference"/>; only its domain and path are used.
/// </summary>
public interface IRegistryClient
{
    /// <summary>GET /v2/: is the registry reachable and speaking the API? (401 counts as yes.)</summary>
    Task PingAsync(string registry, CancellationToken cancellationToken);

    /// <summary>Checks a user name and password against the registry (Basic, or by asking its token server).</summary>
    Task CheckCredentialAsync(string registry, RegistryCredential credential, CancellationToken cancellationToken);

    /// <summary>GET /v2/NAME/manifests/REF with the OCI and Docker manifest types in Accept; digest-verified.</summary>
    Task<ManifestDocument> GetManifestAsync(ImageReference repository, string tagOrDigest, CancellationToken cancellationToken);

    /// <summary>Streams a blob to <paramref name="destinationPath"/>, hashing while writing; size and sha256 must match.</summary>
    Task FetchBlobAsync(ImageReference repository, Descriptor blob, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>HEAD /v2/NAME/blobs/DIGEST.</summary>
    Task<bool> BlobExistsAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken);

    /// <summary>POST an upload session, then PUT the whole file with ?digest= (monolithic upload).</summary>
    Task UploadBlobAsync(ImageReference repository, Descriptor blob, string sourcePath, CancellationToken cancellationToken);

    /// <summary>PUT /v2/NAME/manifests/REF; returns the digest of the bytes.</summary>
    Task<Digest> PutManifestAsync(ImageReference repository, string tagOrDigest, string mediaType, byte[] bytes, CancellationToken cancellationToken);
}
