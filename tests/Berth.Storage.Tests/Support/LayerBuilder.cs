using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Berth.Storage.Tests.Support;

/// <summary>Builds layer tars in memory with System.Formats.Tar's TarWriter (PAX format), hostile ones included.</summary>
public sealed class LayerBuilder
{
    public static readonly DateTimeOffset DefaultTime = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly MemoryStream _tar = new();
    private readonly TarWriter _writer;

    public LayerBuilder(TarEntryFormat format = TarEntryFormat.Pax)
    {
        Format = format;
        _writer = new TarWriter(_tar, format, leaveOpen: true);
    }

    public TarEntryFormat Format { get; }

    public LayerBuilder Dir(string name, int mode = 0x1ED, int uid = 0, int gid = 0, DateTimeOffset? mtime = null) =>
        Add(TarEntryType.Directory, name, mode, uid, gid, mtime: mtime);

    public LayerBuilder File(string name, string content = "", int mode = 0x1A4, int uid = 0, int gid = 0,
        IDictionary<string, string>? xattrs = null, DateTimeOffset? mtime = null) =>
        Add(TarEntryType.RegularFile, name, mode, uid, gid, Encoding.UTF8.GetBytes(content), xattrs: xattrs, mtime: mtime);

    public LayerBuilder Symlink(string name, string target) =>
        Add(TarEntryType.SymbolicLink, name, 0x1FF, 0, 0, link: target);

    public LayerBuilder Hardlink(string name, string target) =>
        Add(TarEntryType.HardLink, name, 0x1A4, 0, 0, link: target);

    public LayerBuilder CharDevice(string name, int major, int minor, int mode = 0x1B6) =>
        Add(TarEntryType.CharacterDevice, name, mode, 0, 0, device: (major, minor));

    public LayerBuilder Fifo(string name, int mode = 0x1A4) => Add(TarEntryType.Fifo, name, mode, 0, 0);

    /// <summary>".wh.NAME" next to NAME: deletes NAME from lower layers.</summary>
    public LayerBuilder Whiteout(string path)
    {
        int slash = path.LastIndexOf('/');
        string whiteout = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        return File(whiteout);
    }

    /// <summary>"DIR/.wh..wh..opq": DIR hides what lower layers have in it.</summary>
    public LayerBuilder Opaque(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq");

    public byte[] Build()
    {
        _writer.Dispose();
        return _tar.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        using var compressor = new ZstdSharp.Compressor();
        return compressor.Wrap(data).ToArray();
    }

    public static string DiffId(byte[] tar) => Layers.LayerDigest.Sha256(tar);

    /// <summary>Any entry, for the cases the helpers above do not cover.</summary>
    public LayerBuilder Add(TarEntryType type, string name, int mode, int uid = 0, int gid = 0, byte[]? data = null,
        string? link = null, (int Major, int Minor)? device = null, IDictionary<string, string>? xattrs = null,
        DateTimeOffset? mtime = null)
    {
        TarEntry entry = Format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, name),
            TarEntryFormat.Ustar => new UstarTarEntry(type, name),
            _ => xattrs is null ? new PaxTarEntry(type, name) : new PaxTarEntry(type, name, Prefixed(xattrs)),
        };
        entry.Mode = (UnixFileMode)mode;
        entry.Uid = uid;
        entry.Gid = gid;
        entry.ModificationTime = mtime ?? DefaultTime;
        if (link is not null)
        {
            entry.LinkName = link;
        }
        if (device is { } d && entry is PosixTarEntry posix)
        {
            posix.DeviceMajor = d.Major;
            posix.DeviceMinor = d.Minor;
        }
        if (data is not null)
        {
            entry.DataStream = new MemoryStream(data);
        }
        _writer.WriteEntry(entry);
        return this;
    }

    private static Dictionary<string, string> Prefixed(IDictionary<string, string> xattrs) =>
        xattrs.ToDictionary(kv => "SCHILY.xattr." + kv.Key, kv => kv.Value);
}
