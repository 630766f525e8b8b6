using Berth.Images.Reference;

namespace Berth.Images.Content;

public sealed partial class ImageStore
{
    /// <summary>
    /// Finds an image the way docker resolves its argument: a name (normalised, <c>alpine</c> =
    /// <c>docker.io/library/alpine:latest</c>), a name@digest, a full ID (sha256:...), or a unique ID prefix.
    /// </summary>
    public ImageRecord? Find(string text) => Find(List(), text, out _);

    public ImageRecord Get(string text) =>
        Find(text) ?? throw new ImageStoreException($"no such image: {text} (see 'berth images')");

    /// <summary>As <see cref="Get(string)"/>; <paramref name="matchedName"/> is the full name it was found by, null when found by ID or digest.</summary>
    public ImageRecord Get(string text, out string? matchedName) =>
        Find(List(), text, out matchedName) ?? throw new ImageStoreException($"no such image: {text} (see 'berth images')");

    private static ImageRecord? Find(IReadOnlyList<ImageRecord> images, string text, out string? matchedName)
    {
        matchedName = null;
        if (ImageReference.TryParse(text, out var reference))
        {
            string full = reference!.ToString();
            if (reference.Digest is { } digest)
            {
                string d = digest.ToString();
                var byDigest = images.FirstOrDefault(i => i.RepoDigests.Contains(reference.Name + "@" + d) || i.ManifestDigest == d && i.Names.Any(n => n.StartsWith(reference.Name + ":", StringComparison.Ordinal)));
                if (byDigest is not null) return byDigest;
            }
            var byName = images.FirstOrDefault(i => i.Names.Contains(full));
            if (byName is not null)
            {
                matchedName = full;
                return byName;
            }
        }
        return FindById(images, text);
    }

    private static ImageRecord? FindById(IReadOnlyList<ImageRecord> images, string text)
    {
        string hex = text.StartsWith("sha256:", StringComparison.Ordinal) ? text[7..] : text;
        if (hex.Length == 0 || hex.Length > 64 || !hex.All(char.IsAsciiHexDigitLower)) return null;
        var matches = images.Where(i => i.Id.AsSpan(7).StartsWith(hex, StringComparison.Ordinal)).ToList();
        if (matches.Count > 1) throw new ImageStoreException($"image ID prefix {text} is ambiguous: it matches {matches.Count} images; give more characters");
        return matches.FirstOrDefault();
    }

    /// <summary>
    /// Records a pulled image under <paramref name="name"/> (a full tagged reference, or null for a digest
    /// pull). An image already known by ID is updated; a name moves from whatever image had it.
    /// </summary>
    public ImageRecord Put(ImageRecord image, string? name) => Update(set =>
    {
        var existing = set.Images.FirstOrDefault(i => i.Id == image.Id);
        if (existing is null)
        {
            image.Names = [];
            set.Images.Add(existing = image);
        }
        else
        {
            (existing.ManifestDigest, existing.ManifestMediaType, existing.IndexDigest) = (image.ManifestDigest, image.ManifestMediaType, image.IndexDigest ?? existing.IndexDigest);
            existing.Layers = image.Layers;
            if (image.DiffIds.Count > 0) existing.DiffIds = image.DiffIds;
        }
        foreach (string repoDigest in image.RepoDigests.Where(d => !existing.RepoDigests.Contains(d))) existing.RepoDigests.Add(repoDigest);
        if (name is not null) MoveName(set, existing, name);
        return existing;
    });

    /// <summary><c>berth tag SOURCE TARGET</c>: one more name for an image.</summary>
    public ImageRecord Tag(string source, string target)
    {
        var reference = ImageReference.Parse(target);
        if (reference.Digest is not null) throw new ImageStoreException($"tag {target}: a tag cannot contain a digest");
        return Update(set =>
        {
            var image = Find(set.Images, source, out _) ?? throw new ImageStoreException($"no such image: {source}");
            MoveName(set, image, reference.ToString());
            return image;
        });
    }

    private static void MoveName(ImageRecordSet set, ImageRecord image, string name)
    {
        foreach (var other in set.Images.Where(i => i != image)) other.Names.Remove(name);
        if (!image.Names.Contains(name)) image.Names.Add(name);
    }
}
