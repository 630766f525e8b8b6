using Berth.Images.Distribution;

namespace Berth.Images.Manifest;

/// <summary>
/// Chooses the manifest for one platform from an index (pure). os and architecture must match after
/// normalisation; a wanted variant must match exactly, and without one the entry without a variant (or the
/// first) wins. Attestation entries (os "unknown") are never chosen.
/// </summary>
public static class PlatformMatcher
{
    public static Descriptor Select(ImageIndex index, Platform wanted, string reference)
    {
        var (arch, variant) = Platform.NormaliseArchitecture(wanted.Architecture, wanted.Variant);
        var candidates = index.Manifests
            .Where(m => m.Platform is not null && MediaTypes.IsManifest(m.MediaType) || m.Platform is not null && string.IsNullOrEmpty(m.MediaType))
            .Where(m => string.Equals(m.Platform!.Os, wanted.Os, StringComparison.OrdinalIgnoreCase))
            .Where(m => Platform.NormaliseArchitecture(m.Platform!.Architecture, m.Platform.Variant).Architecture == arch)
            .ToList();
        var chosen = variant is null
            ? candidates.FirstOrDefault(m => Variant(m) is null) ?? candidates.FirstOrDefault()
            : candidates.FirstOrDefault(m => Variant(m) == variant);
        if (chosen is not null) return chosen;
        string available = string.Join(", ", index.Manifests.Where(m => m.Platform is not null && m.Platform.Os != "unknown")
            .Select(m => m.Platform!.ToString()).Distinct());
        throw new RegistryException(RegistryErrorKind.PlatformNotFound,
            $"{reference}: no manifest for platform {wanted} in the image index (available: {(available.Length == 0 ? "none" : available)}); choose one with --platform");
    }

    private static string? Variant(Descriptor m) => Platform.NormaliseArchitecture(m.Platform!.Architecture, m.Platform.Variant).Variant;
}
