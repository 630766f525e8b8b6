using Berth.Images.Content;

namespace Berth.Images.Archive;

/// <summary>What <c>load</c> did: the archive's format and each image stored, with the names the archive gave it.</summary>
public sealed record LoadResult(ArchiveFormat Format, IReadOnlyList<LoadedImage> Images);

/// <summary>One loaded image and the names (full references) the archive gave it; none means it is dangling.</summary>
public sealed record LoadedImage(ImageRecord Image, IReadOnlyList<string> Names);
