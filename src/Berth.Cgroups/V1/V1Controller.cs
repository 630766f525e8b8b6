using System.Globalization;
using Berth.Cgroups.Stats;
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

    protected StatFiles StatFiles => new(Fs, Directory);

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

    /// <summary>Adds this controller's counters to <paramref name="stats"/>; nothing by default. Only called when <see cref="Directory"/> exists.</summary>
    public virtual void AddStats(CgroupStats stats)
    {
    }

    protected string PathOf(string file) => Path.Join(Directory, file);

    /// <summary>Writes a controller file; a missing one (ENOENT) gets a hint saying what the kernel lacks and what to do.</summary>
    protected void Write(string file, string value)
    {
        try
        {
            Fs.Write(PathOf(file), value);
        }
        catch (CgroupException e) when (e.Errno == Errno.ENOENT)
        {
            string hint = Fs.DirectoryExists(Directory)
                ? HintForMissing(file)
                : $"the cgroup {Directory} does not exist: create it first";
            throw new CgroupException($"{e.Message} ({hint})", e.Errno, e);
        }
    }

    protected void Write(string file, long value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    protected void Write(string file, ulong value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Why a controller file can be missing: the kernel was built without that feature.</summary>
    protected virtual string HintForMissing(string file) =>
        $"this kernel's {Name} controller has no {file}: it was built without that feature; remove the setting from linux.resources";

    protected bool Exists(string file) => Fs.FileExists(PathOf(file));

    protected string Read(string file) => Fs.Read(PathOf(file)).Trim();

    protected ulong ReadUnsigned(string file) => StatText.Unsigned(Read(file), PathOf(file));
}
