using Berth.Images.Archive;

namespace Berth.Cli.Commands.Image;

/// <summary>
/// `save [-o FILE] [--format docker-archive|oci-archive] IMAGE...` / `image save`: the archive is built in a temp
/// file and renamed to FILE when complete (or copied to stdout, which must not be a terminal), so a failed save
/// never leaves a half-written archive under the name asked for.
/// </summary>
internal static class SaveCommand
{
    internal static async Task<int> ExecuteAsync(GlobalOptions global, string[] argv, CancellationToken cancellationToken)
    {
        var args = CommandArgs.Parse(argv, "save", new HashSet<string>(), new HashSet<string> { "o", "output", "format" });
        if (args.Positional.Count == 0) throw new UsageException("\"berth save\" requires at least 1 argument; usage: berth save [-o FILE] [--format docker-archive|oci-archive] IMAGE...");
        var format = ParseFormat(args.Get("format"));
        string? output = args.Get("o", "output");
        if (output is null && !Console.IsOutputRedirected) throw new UsageException("save: refusing to write the archive to a terminal; use -o FILE or redirect stdout");
        var store = global.OpenStore();
        var items = args.Positional.Select(text => new SaveItem(store.Get(text, out string? name), name)).ToList();
        string temp = output is null
            ? Path.Combine(Path.GetTempPath(), $"berth-save-{Environment.ProcessId}-{Guid.NewGuid():N}.tar")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.berth-tmp-{Environment.ProcessId}");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                await new ImageSaver(store).SaveAsync(items, file, format, cancellationToken);
            }
            if (output is not null)
            {
                File.Move(temp, output, overwrite: true);
                return 0;
            }
            await using var stdout = Console.OpenStandardOutput();
            await using var archive = File.OpenRead(temp);
            await archive.CopyToAsync(stdout, cancellationToken);
            return 0;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    internal static ArchiveFormat ParseFormat(string? text) => text switch
    {
        null or "docker-archive" or "docker" => ArchiveFormat.DockerArchive,
        "oci-archive" or "oci" => ArchiveFormat.OciArchive,
        _ => throw new UsageException($"save: unknown --format \"{text}\" (use docker-archive or oci-archive)"),
    };
}
