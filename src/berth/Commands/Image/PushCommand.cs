using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Cli.Commands.Image;

/// <summary>
/// `push NAME[:TAG]`: each blob the registry lacks is uploaded (HEAD, then POST + PUT), then the image's
/// manifest is PUT under the tag. The manifest bytes are the stored ones, so the digest stays the same.
/// </summary>
internal static class PushCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "push", new HashSet<string> { "q", "quiet" }, new HashSet<string>());
        args.RequirePositional(1, "push", "NAME[:TAG]");
        var reference = ImageReference.Parse(args.Positional[0]);
        if (reference.Digest is not null) throw new UsageException("push: give a tag, not a digest");
        var store = global.OpenStore();
        var image = store.Find(reference.ToString()) ?? throw new ImageStoreException($"no such image: {reference.FamiliarString} (tag an image with 'berth tag IMAGE {reference.FamiliarString}')");
        bool quiet = args.Has("q", "quiet");
        if (!quiet) Console.WriteLine($"The push refers to repository [{reference.Name}]");
        using var client = global.CreateRegistryClient();
        foreach (var blob in image.Layers.Append(image.Config))
        {
            bool present = await client.BlobExistsAsync(reference, blob, cancellationToken);
            if (!present) await client.UploadBlobAsync(reference, blob, store.Content.BlobPath(Digest.Parse(blob.Digest)), cancellationToken);
            if (!quiet) Console.WriteLine($"{blob.ShortDigest}: {(present ? "Layer already exists" : "Pushed")}");
        }
        byte[] manifest = store.Content.Read(Digest.Parse(image.ManifestDigest));
        var digest = await client.PutManifestAsync(reference, reference.Tag!, image.ManifestMediaType, manifest, cancellationToken);
        store.Put(AddRepoDigest(image, reference.Name + "@" + digest), reference.ToString());
        Console.WriteLine(quiet ? reference.ToString() : $"{reference.Tag}: digest: {digest} size: {manifest.Length}");
        return 0;
    }

    private static ImageRecord AddRepoDigest(ImageRecord image, string repoDigest)
    {
        if (!image.RepoDigests.Contains(repoDigest)) image.RepoDigests.Add(repoDigest);
        return image;
    }
}
