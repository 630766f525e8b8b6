using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// One cgroup v1 hierarchy as seen by one container: the controller's mountpoint (injected, so a temp directory
/// can stand in for /sys/fs/cgroup/&lt;controller&gt;) and the container's directory under it.
/// </summary>
internal abstract class V1Controller
{
    protected V1Controller(string name, string mountpoint, string relative, CgroupFs fs)
    {
        Name = name;
        Mountpoint = mountpoint;
        Levels = CgroupTree.Levels(mountpoint, relative);
        Directory = Levels[^1];
        Fs = fs;
    }

    /// <summary>"memory", "cpu", "name=systemd", or "" for the cgroup2 hierarchy of a hybrid host.</summary>
    public string Name { get; }

    public string Mountpoint { get; }

    public string Directory { get; }

    /// <summary>Directories from the first level below the mountpoint down to <see cref="Directory"/>.</summary>
    protected IReadOnlyList<string> Levels { get; }

    protected CgroupFs Fs { get; }

    /// <summary>mkdir -p of the container's directory.</summary>
    public virtual void Create()
    {
        foreach (string level in Levels)
        {
            Fs.MakeDirectory(level);
        }
    }

    /// <summary>Writes the part of linux.resources this controller owns; nothing by default.</summary>
    public virtual void Set(Resources resources)
    {
    }

    protected string PathOf(string file) => Path.Join(Directory, file);

    protected void Write(string file, string value) => Fs.Write(PathOf(file), value);

    protected void Write(string file, long value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    protected void Write(string file, ulong value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    protected bool Exists(string file) => Fs.FileExists(PathOf(file));

    protected string Read(string file) => Fs.Read(PathOf(file)).Trim();

    protected ulong ReadUnsigned(string file)
    {
        string text = Read(file);
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new CgroupException($"read {PathOf(file)}: expected a number, found \"{text}\"");
        }
        return value;
    }
}
