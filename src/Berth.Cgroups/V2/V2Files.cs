using System.Globalization;

namespace Berth.Cgroups.V2;

/// <summary>
/// The interface files of one cgroup2 directory. A missing file means the controller is not enabled for this
/// cgroup, so the error says which controller to enable and where.
/// </summary>
internal sealed class V2Files
{
    public V2Files(CgroupFs fs, string directory)
    {
        Fs = fs;
        Directory = directory;
    }

    public CgroupFs Fs { get; }

    public string Directory { get; }

    public string PathOf(string file) => Path.Join(Directory, file);

    public bool Exists(string file) => Fs.FileExists(PathOf(file));

    public void Write(string file, long value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    public void Write(string file, ulong value) => Write(file, value.ToString(CultureInfo.InvariantCulture));

    public void Write(string file, string value)
    {
        try
        {
            Fs.Write(PathOf(file), value);
        }
        catch (CgroupException e) when (e.Errno == Errno.ENOENT)
        {
            throw new CgroupException($"{e.Message} ({HintForMissing(file)})", e.Errno, e);
        }
    }

    private string HintForMissing(string file)
    {
        if (!Fs.DirectoryExists(Directory))
        {
            return $"the cgroup {Directory} does not exist: create it first";
        }
        string controller = file.Split('.')[0];
        string parent = Path.GetDirectoryName(Directory) ?? Directory;
        string enable = $"enable the {controller} controller in cgroup.subtree_control of {parent}";
        return file.StartsWith("memory.swap.", StringComparison.Ordinal)
            ? $"swap accounting is off in this kernel, or {enable}"
            : enable;
    }
}
