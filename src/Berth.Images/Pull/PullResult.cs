using Berth.Images.Content;
using Berth.Images.Reference;

namespace Berth.Images.Pull;

/// <summary>
/// The stored image; <paramref name="Digest"/> is what the reference resolved to (an index or a manifest);
/// <paramref name="UpToDate"/> when nothing had to be fetched but the manifest.
/// </summary>
public sealed record PullResult(ImageRecord Image, Digest Digest, bool UpToDate);
