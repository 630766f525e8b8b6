using Berth.Storage.FileSystem;
using Berth.Storage.Interop;

namespace Berth.Storage.Layers;

public sealed partial class LayerUnpacker
{
    private const uint S_IFCHR = 0x2000;

    /// <summary>".wh..wh..opq": overlayfs hides a lower directory's contents when the upper one has overlay.opaque=y.</summary>
    private void MarkOpaque(EntryContext context, FileDescriptor directory, string directoryPath)
    {
        string name = _options.OverlayXattrPrefix + "opaque";
        int errno = Fs.TrySetXattr(RootedDirectory.ProcPath(directory, "."), name, "y"u8);
        if (errno != 0)
        {
            throw new StorageException($"set {name} on {(directoryPath.Length == 0 ? "/" : directoryPath)} in {context.Root.Path}", errno);
        }
    }

    /// <summary>
    /// ".wh.NAME": a character device 0:0 named NAME, overlayfs's whiteout. The OCI spec says a whiteout only hides
    /// lower layers' files, so if this layer itself already has NAME, NAME stays and the whiteout is dropped.
    /// Since Linux 5.8 creating a 0:0 device needs no CAP_MKNOD.
    /// </summary>
    private static void CreateWhiteout(EntryContext context, FileDescriptor parent, string target)
    {
        if (Fs.TryStat(parent.Fd, target) is { } existing)
        {
            if (!existing.IsOverlayWhiteout)
            {
                context.Report.Note($"whiteout {context.Path} ignored: this layer itself provides {target}");
            }
            return;
        }
        if (Libc.mknodat(parent.Fd, target, S_IFCHR, 0) < 0)
        {
            throw Fs.Error($"create whiteout (char device 0:0) for {context.Path} in {context.Root.Path}");
        }
    }
}
