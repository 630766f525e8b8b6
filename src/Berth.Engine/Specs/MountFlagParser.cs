using System.Globalization;
using Berth.Engine.Volumes;
using Berth.Oci;

namespace Berth.Engine.Specs;

/// <summary>
/// <c>--mount</c>'s CSV of key=value fields (docker/cli opts/mount.go), then the daemon's checks of the result
/// (moby volume/mounts/linux_parser.go validateMountConfig), with docker's messages. Pure.
/// </summary>
internal static class MountFlagParser
{
    private static readonly string[] Propagations = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

    internal static MountRequest Parse(string text)
    {
        string type = "volume", source = "", target = "", propagation = "";
        bool readOnly = false, noCopy = false, bindOptions = false, volumeOptions = false, tmpfsOptions = false;
        long? size = null;
        uint? mode = null;
        string? driver = null;
        var labels = new Dictionary<string, string>();
        var options = new Dictionary<string, string>();
        foreach (string field in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = field.Split('=', 2);
            string key = kv[0].ToLowerInvariant();
            string? value = kv.Length == 2 ? kv[1] : null;
            if (value is null && key is not ("readonly" or "ro" or "volume-nocopy" or "bind-nonrecursive"))
            {
                throw Flag(text, $"invalid field '{field}' must be a key=value pair");
            }
            switch (key)
            {
                case "type": type = value!; break;
                case "source" or "src": source = value!; break;
                case "target" or "dst" or "destination": target = value!; break;
                case "readonly" or "ro": readOnly = Bool(text, key, value); break;
                case "consistency": break;
                case "bind-propagation":
                    bindOptions = true;
                    propagation = Propagations.Contains(value) ? value! : throw Flag(text, $"invalid value for {key}: {value}");
                    break;
                case "bind-nonrecursive": bindOptions = true; break;
                case "volume-nocopy": volumeOptions = true; noCopy = Bool(text, key, value); break;
                case "volume-driver": volumeOptions = true; driver = value; break;
                case "volume-label": volumeOptions = true; Pair(labels, value!); break;
                case "volume-opt": volumeOptions = true; Pair(options, value!); break;
                case "tmpfs-size": tmpfsOptions = true; size = Size(text, value!); break;
                case "tmpfs-mode":
                    tmpfsOptions = true;
                    mode = uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? Convert.ToUInt32(value, 8) : throw Flag(text, $"invalid value for {key}: {value}");
                    break;
                default: throw Flag(text, $"unexpected key '{kv[0]}' in '{field}'");
            }
        }
        if (type is not ("bind" or "volume" or "tmpfs")) throw Flag(text, $"invalid mount type \"{type}\": use bind, volume or tmpfs");
        if (target.Length == 0) throw Flag(text, "target is required");
        if (bindOptions && type != "bind") throw Flag(text, $"cannot mix 'bind-*' options with mount type '{type}'");
        if (volumeOptions && type != "volume") throw Flag(text, $"cannot mix 'volume-*' options with mount type '{type}'");
        if (tmpfsOptions && type != "tmpfs") throw Flag(text, $"cannot mix 'tmpfs-*' options with mount type '{type}'");
        string prefix = $"invalid mount config for type \"{type}\"";
        if (!target.StartsWith('/')) throw new InvalidOptionException($"{prefix}: invalid mount path: '{target}' mount path must be absolute");
        MountRequest.CheckTarget(target, text);
        if (type == "bind" && source.Length == 0) throw new InvalidOptionException($"{prefix}: field Source must not be empty");
        if (type == "bind" && !source.StartsWith('/')) throw new InvalidOptionException($"{prefix}: invalid mount path: '{source}' mount path must be absolute");
        if (type == "tmpfs" && source.Length > 0) throw new InvalidOptionException($"{prefix}: field Source must not be specified");
        if (type == "volume" && source.Length > 0) VolumeName.Check(source);
        if (driver is not null && driver != "local") throw new InvalidOptionException($"{prefix}: volume driver \"{driver}\" is not available: only the local driver is");
        return new MountRequest
        {
            Type = type, Source = type == "bind" ? MountRequest.Clean(source) : source, Target = MountRequest.Clean(target), ReadOnly = readOnly,
            Propagation = propagation, NoCopy = noCopy, TmpfsSize = size, TmpfsMode = mode, VolumeLabels = labels, VolumeOptions = options,
            VolumeDriver = driver, Mode = readOnly ? "ro" : "",
        };
    }

    private static bool Bool(string text, string key, string? value) => value switch
    {
        null or "1" or "true" => true,
        "0" or "false" => false,
        _ => throw Flag(text, $"invalid value for {key}: {value}"),
    };

    private static void Pair(Dictionary<string, string> into, string value)
    {
        string[] kv = value.Split('=', 2);
        into[kv[0]] = kv.Length == 2 ? kv[1] : "";
    }

    private static long Size(string text, string value)
    {
        try
        {
            return ByteSize.Parse(value);
        }
        catch (FormatException)
        {
            throw Flag(text, $"invalid value for tmpfs-size: {value}");
        }
    }

    private static InvalidOptionException Flag(string text, string reason) => new($"invalid argument \"{text}\" for \"--mount\" flag: {reason}");
}
