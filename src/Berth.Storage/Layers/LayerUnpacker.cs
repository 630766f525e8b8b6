using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Berth.Storage.Layers.Tar;

namespace Berth.Storage.Layers;

/// <summary>
/// Applies one layer's tar stream to an empty directory, producing an overlayfs-ready layer directory: files,
/// directories, symlinks, hard links, devices and fifos with their owners, modes (setuid/setgid/sticky too),
/// xattrs and mtimes; OCI whiteouts converted to overlay's form (".wh.NAME" → character device 0:0 NAME,
/// ".wh..wh..opq" → xattr overlay.opaque=y on the directory). Every path is resolved inside the target (see
/// <see cref="RootedDirectory"/>), so no entry can create or change anything outside it. Directory mtimes are
/// set last, after their contents stopped changing them.
/// </summary>
public sealed partial class LayerUnpacker
{
    private readonly UnpackOptions _options;

    public LayerUnpacker(UnpackOptions? options = null)
    {
        _options = options ?? new UnpackOptions();
    }

    /// <summary>Unpacks the (already decompressed) tar stream into <paramref name="targetDirectory"/>, which must exist.</summary>
    public async Task<UnpackReport> UnpackAsync(Stream tar, string targetDirectory, CancellationToken cancellationToken)
    {
        using var root = new RootedDirectory(targetDirectory) { ForceComponentWalk = _options.ForceComponentWalk };
        return await UnpackAsync(tar, root, cancellationToken);
    }

    /// <summary>Unpacks into a directory already open (and resolved safely) by the caller.</summary>
    internal async Task<UnpackReport> UnpackAsync(Stream tar, RootedDirectory root, CancellationToken cancellationToken)
    {
        var report = new UnpackReport();
        var reader = new LayerTarReader(tar);
        var directoryTimes = new Dictionary<string, TarEntryHeader>(StringComparer.Ordinal);
        while (await reader.ReadNextAsync(cancellationToken) is { } entry)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string path = LayerPath.Normalize(entry.Name);
            var context = new EntryContext(root, reader, entry, path, report, cancellationToken);
            await ApplyAsync(context, directoryTimes);
            report.Entries++;
        }
        await reader.DrainAsync(cancellationToken);
        foreach (var (path, entry) in directoryTimes)
        {
            FinishDirectory(root, path, entry);
        }
        return report;
    }

    private async Task ApplyAsync(EntryContext context, Dictionary<string, TarEntryHeader> directoryTimes)
    {
        if (context.Path.Length == 0)
        {
            ApplyRootEntry(context, directoryTimes);
            return;
        }
        var (parent, name) = LayerPath.Split(context.Path);
        using var parentFd = context.Root.OpenDirectory(parent, create: true);
        switch (_options.ConvertWhiteouts ? Whiteout.Classify(name, out string target) : Plain(out target))
        {
            case WhiteoutKind.Opaque:
                MarkOpaque(context, parentFd, parent);
                return;
            case WhiteoutKind.Whiteout:
                CreateWhiteout(context, parentFd, target);
                return;
            case WhiteoutKind.AufsMetadata:
                context.Report.Note($"AUFS metadata entry {context.Path} ignored");
                return;
        }
        await CreateEntryAsync(context, parentFd, name);
        if (context.Entry.Kind == TarEntryKind.Directory)
        {
            directoryTimes[context.Path] = context.Entry;
        }
    }

    private void ApplyRootEntry(EntryContext context, Dictionary<string, TarEntryHeader> directoryTimes)
    {
        if (context.Entry.Kind != TarEntryKind.Directory)
        {
            throw new UnsafeLayerPathException(context.Entry.Name, "names the layer root but is not a directory");
        }
        using var rootFd = Fs.OpenAt(context.Root.Root.Fd, ".", Fs.O_PATH | Fs.O_DIRECTORY);
        ApplyOwnerModeXattrs(context, rootFd, ".");
        directoryTimes[""] = context.Entry;
    }

    /// <summary>
    /// Last touches of a directory once nothing more is created in it: its mtime and, for an unprivileged
    /// process (which kept the directory writable for itself meanwhile), its real mode.
    /// </summary>
    private void FinishDirectory(RootedDirectory root, string path, TarEntryHeader entry)
    {
        var (parent, name) = path.Length == 0 ? ("", ".") : LayerPath.Split(path);
        if (root.TryOpenDirectory(parent, out var parentFd) != 0)
        {
            return;
        }
        using (parentFd)
        {
            if (!_options.Privileged && Fs.TryStat(parentFd!.Fd, name) is { IsDirectory: true })
            {
                Fs.Check(Libc.fchmodat(parentFd.Fd, name, entry.Mode, 0), $"chmod {path} in {root.Path}");
            }
            SetTime(parentFd!, name, entry);
        }
    }

    private static WhiteoutKind Plain(out string target)
    {
        target = "";
        return WhiteoutKind.None;
    }

    /// <summary>Everything one entry's handlers need.</summary>
    private sealed record EntryContext(
        RootedDirectory Root, LayerTarReader Reader, TarEntryHeader Entry, string Path, UnpackReport Report,
        CancellationToken CancellationToken);
}
