using System.Formats.Tar;
using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.Copy;

/// <summary>
/// Writes a file or a directory tree to a PAX tar stream, reading it only through descriptors opened with
/// O_NOFOLLOW below the starting directory (a symlink is archived as a symlink, never followed). Files with
/// several links inside the tree become hard-link entries. Sockets are skipped (tar cannot hold them); xattrs
/// are not carried.
/// </summary>
internal sealed class TreeArchiveWriter
{
    private readonly TarWriter _writer;
    private readonly (int Uid, int Gid)? _owner;
    private readonly Dictionary<(uint, uint, ulong), string> _links = [];

    internal TreeArchiveWriter(Stream output, (int Uid, int Gid)? owner)
    {
        _writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        _owner = owner;
    }

    /// <summary>Archives <paramref name="name"/> in <paramref name="parent"/> as <paramref name="entryName"/> ("" = only the children of a directory).</summary>
    internal void Write(FileDescriptor parent, string name, string entryName)
    {
        var stat = Fs.Stat(parent.Fd, name == "." ? "" : name);
        if (stat.IsDirectory && entryName.Length == 0)
        {
            using var dir = Fs.OpenAt(parent.Fd, name, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW);
            WriteChildren(dir, "");
        }
        else
        {
            WriteEntry(parent, name, entryName, stat);
        }
        _writer.Dispose();
    }

    private void WriteEntry(FileDescriptor parent, string name, string entryName, FileStat stat)
    {
        string statName = name == "." ? "" : name;
        if (stat.Type == FileStat.S_IFSOCK) return;
        if (!stat.IsDirectory && stat.LinkCount > 1 && _links.TryGetValue((stat.DeviceMajor, stat.DeviceMinor, stat.Inode), out string? first))
        {
            _writer.WriteEntry(Describe(new PaxTarEntry(TarEntryType.HardLink, entryName) { LinkName = first }, stat));
            return;
        }
        if (!stat.IsDirectory && stat.LinkCount > 1) _links[(stat.DeviceMajor, stat.DeviceMinor, stat.Inode)] = entryName;
        switch (stat.Type)
        {
            case FileStat.S_IFDIR:
                _writer.WriteEntry(Describe(new PaxTarEntry(TarEntryType.Directory, entryName + "/"), stat));
                using (var dir = Fs.OpenAt(parent.Fd, name, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW))
                {
                    WriteChildren(dir, entryName + "/");
                }
                break;
            case FileStat.S_IFREG:
                int fd = Libc.openat(parent.Fd, name, Fs.O_RDONLY | Fs.O_NOFOLLOW | Fs.O_CLOEXEC, 0);
                Fs.Check(fd, $"open {entryName}");
                using (var data = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 0))
                {
                    _writer.WriteEntry(Describe(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = data }, stat));
                }
                break;
            case FileStat.S_IFLNK:
                _writer.WriteEntry(Describe(new PaxTarEntry(TarEntryType.SymbolicLink, entryName) { LinkName = Fs.ReadLinkAt(parent.Fd, statName) }, stat));
                break;
            case FileStat.S_IFCHR or FileStat.S_IFBLK:
                var device = new PaxTarEntry(stat.Type == FileStat.S_IFCHR ? TarEntryType.CharacterDevice : TarEntryType.BlockDevice, entryName)
                {
                    DeviceMajor = (int)stat.RdevMajor, DeviceMinor = (int)stat.RdevMinor,
                };
                _writer.WriteEntry(Describe(device, stat));
                break;
            case FileStat.S_IFIFO:
                _writer.WriteEntry(Describe(new PaxTarEntry(TarEntryType.Fifo, entryName), stat));
                break;
        }
    }

    private void WriteChildren(FileDescriptor dir, string prefix)
    {
        foreach (string child in TreeRemover.ListNames(dir).Order(StringComparer.Ordinal))
        {
            WriteEntry(dir, child, prefix + child, Fs.Stat(dir.Fd, child));
        }
    }

    private PaxTarEntry Describe(PaxTarEntry entry, FileStat stat)
    {
        entry.Mode = (UnixFileMode)(stat.Permissions & 0xFFF);
        entry.Uid = _owner?.Uid ?? (int)stat.Uid;
        entry.Gid = _owner?.Gid ?? (int)stat.Gid;
        entry.ModificationTime = DateTimeOffset.FromUnixTimeSeconds(stat.MtimeSeconds).AddTicks(stat.MtimeNanoseconds / 100);
        return entry;
    }
}
