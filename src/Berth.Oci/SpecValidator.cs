using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci;

/// <summary>
/// Checks a config.json before anything is created, and throws an <see cref="InvalidSpecException"/>
/// naming the field for the first problem found ("mounts[3].destination: must be an absolute path, got
/// 'proc'"). Pure except for looking at whether the rootfs directory exists. One small method per rule,
/// grouped by part of the document in the partial files.
/// </summary>
public static partial class SpecValidator
{
    public static void Validate(OciSpec spec, string bundleDir)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckVersion(spec.OciVersion);
        CheckRoot(spec.Root, bundleDir);
        if (spec.Process is null)
        {
            throw new InvalidSpecException("process: missing (config.json must say what to run)");
        }
        ValidateProcess(spec.Process);
        CheckMounts(spec.Mounts);
        CheckHooks(spec.Hooks);
        CheckLinux(spec.Linux);
        CheckHostnames(spec);
    }

    private static void CheckVersion(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            throw new InvalidSpecException($"ociVersion: missing (expected 1.x.y, e.g. \"{SpecVersion.Current}\")");
        }
        if (!IsVersion1(version))
        {
            throw new InvalidSpecException($"ociVersion: '{version}' is not supported (expected 1.x.y, e.g. \"{SpecVersion.Current}\")");
        }
    }

    /// <summary>"1.0.2", "1.2.0-rc.1", "1.0.2-dev": major 1, three numeric parts, any pre-release or build suffix.</summary>
    private static bool IsVersion1(string version)
    {
        string[] parts = version.Split('-', '+')[0].Split('.');
        return parts.Length == 3 && parts[0] == "1" && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static void CheckRoot(Spec.Root? root, string bundleDir)
    {
        if (root is null)
        {
            throw new InvalidSpecException("root: missing (e.g. \"root\": {\"path\": \"rootfs\"})");
        }
        if (string.IsNullOrEmpty(root.Path))
        {
            throw new InvalidSpecException("root.path: missing (the rootfs directory, relative to the bundle or absolute)");
        }
        string rootfs = Path.GetFullPath(Path.Combine(bundleDir, root.Path));
        if (!Directory.Exists(rootfs))
        {
            throw new InvalidSpecException(File.Exists(rootfs)
                ? $"root.path: {rootfs} is not a directory"
                : $"root.path: {rootfs} does not exist");
        }
    }

    /// <summary>A null element of a list ("mounts": [null]) is named instead of failing later.</summary>
    private static T Entry<T>(T? item, string field) where T : class =>
        item ?? throw new InvalidSpecException($"{field}: must be an object, got null");

    private static void CheckAbsolute(string? path, string field)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidSpecException($"{field}: missing (must be an absolute path)");
        }
        if (!path.StartsWith('/'))
        {
            throw new InvalidSpecException($"{field}: must be an absolute path, got '{path}'");
        }
    }
}
