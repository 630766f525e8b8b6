namespace Berth.Images.Reference;

/// <summary>
/// A parsed image reference <c>domain/path[:tag][@digest]</c>. <see cref="Parse"/> normalises the way
/// Docker does (docker/distribution reference/normalize.go): <c>alpine</c> → <c>docker.io/library/alpine:latest</c>,
/// <c>index.docker.io</c> → <c>docker.io</c>; the first path part is a registry host only when it contains a
/// '.' or ':' or is <c>localhost</c> (or has upper case, which a repository name may not).
/// </summary>
public sealed record ImageReference(string Domain, string Path, string? Tag, Digest? Digest)
{
    public const string DockerHubDomain = "docker.io";
    public const string DefaultTag = "latest";
    public const int NameTotalLengthMax = 255;

    /// <summary><c>domain/path</c>, the repository without tag or digest.</summary>
    public string Name => $"{Domain}/{Path}";

    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>The short form docker prints: <c>docker.io/library/alpine:latest</c> → <c>alpine:latest</c>.</summary>
    public string FamiliarName =>
        Domain != DockerHubDomain ? Name : Path.StartsWith("library/", StringComparison.Ordinal) && Path.IndexOf('/', 8) < 0 ? Path[8..] : Path;

    public string FamiliarString => FamiliarName + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>The host the registry API is served on (Docker Hub's API lives at registry-1.docker.io).</summary>
    public string RegistryHost => Domain == DockerHubDomain ? "registry-1.docker.io" : Domain;

    public ImageReference WithTag(string tag) => this with { Tag = tag, Digest = null };

    public ImageReference WithDigest(Digest digest) => this with { Tag = null, Digest = digest };

    /// <summary>Parses and normalises like <c>docker pull</c>; a bare name gets the tag <c>latest</c>.</summary>
    public static ImageReference Parse(string text)
    {
        if (ReferenceGrammar.Identifier().IsMatch(text))
        {
            throw new InvalidReferenceException(text, "invalid repository name, cannot specify 64-byte hexadecimal strings");
        }
        (string domain, string remainder) = SplitDockerDomain(text);
        int colon = remainder.IndexOf(':');
        string remoteName = colon >= 0 ? remainder[..colon] : remainder;
        if (remoteName.ToLowerInvariant() != remoteName)
        {
            throw new InvalidReferenceException(text, $"repository name ({remoteName}) must be lowercase");
        }
        var parsed = ParseExact(domain + "/" + remainder, text);
        return parsed.Tag is null && parsed.Digest is null ? parsed with { Tag = DefaultTag } : parsed;
    }

    public static bool TryParse(string text, out ImageReference? reference)
    {
        try
        {
            reference = Parse(text);
            return true;
        }
        catch (InvalidReferenceException)
        {
            reference = null;
            return false;
        }
    }

    /// <summary>
    /// The raw grammar without normalisation (docker/distribution reference.Parse): the domain is whatever
    /// precedes the first '/' when it looks like a host; no default tag is added.
    /// </summary>
    public static ImageReference ParseExact(string text, string? shownAs = null)
    {
        shownAs ??= text;
        var match = ReferenceGrammar.Reference().Match(text);
        if (!match.Success)
        {
            if (text.Length == 0) throw new InvalidReferenceException(shownAs, "repository name must have at least one component");
            if (ReferenceGrammar.Reference().IsMatch(text.ToLowerInvariant())) throw new InvalidReferenceException(shownAs, "repository name must be lowercase");
            throw new InvalidReferenceException(shownAs, "invalid reference format");
        }
        string name = match.Groups[1].Value;
        if (name.Length > NameTotalLengthMax)
        {
            throw new InvalidReferenceException(shownAs, $"repository name must not be more than {NameTotalLengthMax} characters");
        }
        var anchored = ReferenceGrammar.Anchored().Match(name);
        string? tag = match.Groups[2].Success ? match.Groups[2].Value : null;
        Digest? digest = null;
        if (match.Groups[3].Success)
        {
            if (!Reference.Digest.TryParse(match.Groups[3].Value, out var d, out string? reason)) throw new InvalidReferenceException(shownAs, reason!);
            digest = d;
        }
        return new ImageReference(anchored.Groups[1].Value, anchored.Groups[2].Value, tag, digest);
    }

    /// <summary>Checks a tag alone (for <c>berth tag</c> and <c>push</c>).</summary>
    public static bool IsValidTag(string tag) => ReferenceGrammar.TagOnly().IsMatch(tag);

    private static (string Domain, string Remainder) SplitDockerDomain(string name)
    {
        int slash = name.IndexOf('/');
        string domain, remainder;
        if (slash < 0 || (name[..slash].IndexOfAny(['.', ':']) < 0 && name[..slash] != "localhost" && name[..slash].ToLowerInvariant() == name[..slash]))
        {
            (domain, remainder) = (DockerHubDomain, name);
        }
        else
        {
            (domain, remainder) = (name[..slash], name[(slash + 1)..]);
        }
        if (domain == "index.docker.io") domain = DockerHubDomain;
        if (domain == DockerHubDomain && !remainder.Contains('/')) remainder = "library/" + remainder;
        return (domain, remainder);
    }
}
