using System.Buffers;
using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Berth.Storage.Layers.Tar;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.Layers;

public sealed partial class LayerUnpacker
{
    private const uint S_IFIFO = 0x1000, S_IFBLK = 0x6000;

    /// <summary>Creates the entry's file as the last component inside <paramref name="parent"/>, replacing what was there.</summary>
    private async Task CreateEntryAsync(EntryContext context, FileDescriptor parent, string name)
    {
        var entry = context.Entry;
        if (entry.Kind == TarEntryKind.Hardlink && LayerPath.Normalize(entry.LinkName) == context.Path)
        {
            context.Report.Note($"hard link {context.Path} to itself ignored");
            return;
        }
        var existing = Fs.TryStat(parent.Fd, name);
        bool keepDirectory = entry.Kind == TarEntryKind.Directory && existing is { IsDirectory: true };
        if (existing is not null && !keepDirectory)
        {
            TreeRemover.RemoveAt(parent, name);
        }
        switch (entry.Kind)
        {
            case TarEntryKind.Directory:
                if (!keepDirectory)
                {
                    Check(Libc.mkdirat(parent.Fd, name, 0x1C0), "mkdir", context);
                }
                break;
            case TarEntryKind.File:
                await WriteFileAsync(context, parent, name);
                break;
            case TarEntryKind.Symlink:
                Check(Libc.symlinkat(entry.LinkName, parent.Fd, name), "symlink", context);
                break;
            case TarEntryKind.Hardlink:
                CreateHardlink(context, parent, name);
                return;
            default:
                if (!CreateSpecialFile(context, parent, name))
                {
                    return;
                }
                break;
        }
        ApplyOwnerModeXattrs(context, parent, name);
        if (entry.Kind != TarEntryKind.Directory)
        {
            SetTime(parent, name, entry);
        }
    }

    /// <summary>
    /// Copies the entry's data into a new file with plain write(2) calls: no FileStream, and no async file write
    /// (which .NET runs as a thread-pool work item per call on Linux: a thread hop per chunk). Reading the tar
    /// stays async; it is served from the decompressor's buffer almost every time.
    /// </summary>
    private static async Task WriteFileAsync(EntryContext context, FileDescriptor parent, string name)
    {
        int fd = Libc.openat(parent.Fd, name, Fs.O_WRONLY | Fs.O_CREAT | Fs.O_EXCL | Fs.O_NOFOLLOW | Fs.O_CLOEXEC, 0x180);
        Check(fd, "create", context);
        using var file = new SafeFileHandle(fd, ownsHandle: true);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            long offset = 0;
            int read;
            while ((read = await context.Reader.ReadDataAsync(buffer, context.CancellationToken)) > 0)
            {
                RandomAccess.Write(file, buffer.AsSpan(0, read), offset);
                offset += read;
            }
            context.Report.FileBytes += offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A hard link names another entry of this same layer (a layer directory is a self-contained tree). Its
    /// target is resolved inside the layer like any path; a target that climbs out, is missing or is a directory
    /// is rejected. linkat without AT_SYMLINK_FOLLOW links a symlink itself, never what it points to.
    /// </summary>
    private static void CreateHardlink(EntryContext context, FileDescriptor parent, string name)
    {
        string target = LayerPath.Normalize(context.Entry.LinkName);
        var (targetParent, targetName) = LayerPath.Split(target);
        if (target.Length == 0 || context.Root.TryOpenDirectory(targetParent, out var targetDir) != 0)
        {
            throw new LayerUnpackException($"hard link {context.Path} → {context.Entry.LinkName}: the target is not in this layer");
        }
        using (targetDir)
        {
            var stat = Fs.TryStat(targetDir!.Fd, targetName);
            if (stat is null || stat.Value.IsDirectory)
            {
                throw new LayerUnpackException(
                    $"hard link {context.Path} → {context.Entry.LinkName}: the target is {(stat is null ? "not in this layer" : "a directory")}");
            }
            Check(Libc.linkat(targetDir.Fd, targetName, parent.Fd, name, 0), "link", context);
        }
    }

    /// <summary>Devices and fifos; false when the node was skipped (devices need CAP_MKNOD).</summary>
    private bool CreateSpecialFile(EntryContext context, FileDescriptor parent, string name)
    {
        var entry = context.Entry;
        uint type = entry.Kind switch
        {
            TarEntryKind.CharDevice => S_IFCHR,
            TarEntryKind.BlockDevice => S_IFBLK,
            _ => S_IFIFO,
        };
        if (type != S_IFIFO && !_options.Privileged)
        {
            context.Report.Note($"device node {context.Path} skipped: creating devices needs root");
            return false;
        }
        ulong device = DeviceNumber.Make(entry.DeviceMajor, entry.DeviceMinor);
        Check(Libc.mknodat(parent.Fd, name, type | 0x180, type == S_IFIFO ? 0 : device), "mknod", context);
        return true;
    }

    private static void Check(int result, string operation, EntryContext context)
    {
        if (result < 0)
        {
            throw Fs.Error($"{operation} {context.Path} in {context.Root.Path}");
        }
    }
}
