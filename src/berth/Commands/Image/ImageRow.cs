using Berth.Images.Content;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>One line of `images`: an image under one of its names (or &lt;none&gt;).</summary>
internal sealed record ImageRow(ImageRecord Image, string Repository, string Tag, string Digest)
{
    internal static IEnumerable<ImageRow> For(ImageRecord image)
    {
        string digest = image.RepoDigests.Count > 0 ? image.RepoDigests[0][(image.RepoDigests[0].IndexOf('@') + 1)..] : "<none>";
        if (image.Names.Count == 0)
        {
            yield return new ImageRow(image, "<none>", "<none>", digest);
            yield break;
        }
        foreach (string name in image.Names)
        {
            var reference = ImageReference.Parse(name);
            yield return new ImageRow(image, reference.FamiliarName, reference.Tag ?? "<none>", digest);
        }
    }

    internal string ShortId => Image.Id[7..19];
}
