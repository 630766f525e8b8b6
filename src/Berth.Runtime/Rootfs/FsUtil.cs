using Berth.Runtime.Interop;

namespace Berth.Runtime.Rootfs;

/// <summary>Small filesystem steps used while building the rootfs: create a mount point of the right kind.</summary>
internal static class FsUtil
{
    /// <summary>Creates <paramref name="path"/> as a directory (mkdir -p) unless it exists.</summary>
    internal static void EnsureDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            try
            {
                Directory.CreateDirectory(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Oci.BerthException($"create mount point {path}: {e.Message}");
            }
        }
    }

    /// <summary>Creates an empty file to bind a file onto (and its parent directories) unless something exists there.</summary>
    internal static void EnsureFile(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return;
        EnsureDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using (File.Create(path)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Oci.BerthException($"create mount point {path}: {e.Message}");
        }
    }

    /// <summary>Creates a symlink, replacing whatever is at <paramref name="link"/>.</summary>
    internal static void ForceSymlink(string target, string link)
    {
        if (File.Exists(link) || Sys.ReadLink(link) is not null) File.Delete(link);
        Tracing.Trace.Step($"symlink {link} -> {target}");
        Sys.Check(Libc.symlink(target, link), $"symlink {link} -> {target}");
    }
}
