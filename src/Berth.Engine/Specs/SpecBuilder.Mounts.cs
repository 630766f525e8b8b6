using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Engine.Specs;

public static partial class SpecBuilder
{
    /// <summary>
    /// The default mounts (proc, /dev, devpts, shm, mqueue, sysfs, cgroup), then /etc/hosts, /etc/hostname and
    /// /etc/resolv.conf bound from the container's directory (as docker does, so they can differ per container
    /// without touching the image), then -v binds and --tmpfs mounts. A user mount replaces a default one at
    /// the same destination. Volumes are binds of ROOT/volumes/NAME/_data.
    /// </summary>
    private static void ApplyMounts(OciSpec spec, SpecInputs inputs)
    {
        var mounts = new List<Mount>();
        foreach (var (destination, source) in inputs.EtcFiles) mounts.Add(Bind(source, destination, false, "rprivate"));
        foreach (var m in inputs.Mounts)
        {
            mounts.Add(m.Type == "tmpfs" ? Tmpfs(m.TmpfsText ?? m.Destination) : Bind(m.Source, m.Destination, m.ReadOnly, m.Propagation.Length > 0 ? m.Propagation : "rprivate"));
        }
        foreach (string t in inputs.Options.Tmpfs) mounts.Add(Tmpfs(t));
        var replaced = mounts.Select(m => m.Destination.TrimEnd('/')).ToHashSet();
        spec.Mounts = spec.Mounts!.Where(m => !replaced.Contains(m.Destination)).Concat(mounts).ToList();
    }

    private static Mount Bind(string source, string destination, bool readOnly, string propagation) => new()
    {
        Destination = destination,
        Type = "bind",
        Source = source,
        Options = readOnly ? ["rbind", propagation, "ro"] : ["rbind", propagation],
    };

    /// <summary>--tmpfs /path[:opt,opt]: docker's defaults noexec,nosuid,nodev unless the options say otherwise.</summary>
    public static Mount Tmpfs(string text)
    {
        string[] parts = text.Split(':', 2);
        if (!parts[0].StartsWith('/')) throw new InvalidOptionException($"invalid argument \"{text}\" for \"--tmpfs\" flag: mount path must be absolute");
        var options = new List<string> { "noexec", "nosuid", "nodev" };
        foreach (string option in parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            string opposite = option switch { "exec" => "noexec", "suid" => "nosuid", "dev" => "nodev", _ => "" };
            options.Remove(opposite);
            options.Add(option);
        }
        return new Mount { Destination = parts[0], Type = "tmpfs", Source = "tmpfs", Options = options };
    }
}
