using System.Globalization;
using System.Text.Json;
using Berth.Oci.Linux;
using Berth.Oci.Seccomp;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Engine.Specs;

public static partial class SpecBuilder
{
    /// <summary>Docker's default capability set (moby oci/caps/defaults.go).</summary>
    public static readonly string[] DefaultCapabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    private static readonly string[] UlimitNames =
        ["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"];

    /// <summary>
    /// Capabilities (docker's default set, --cap-add/--cap-drop with "ALL"), --privileged (every capability, no
    /// seccomp, no masked or read-only /proc paths, writable /sys, every device allowed), --security-opt
    /// no-new-privileges and seccomp=unconfined|FILE (Docker's default profile otherwise, built for the final
    /// bounding set as moby does), --ulimit.
    /// </summary>
    private static void ApplySecurity(OciSpec spec, SpecInputs inputs)
    {
        var o = inputs.Options;
        var process = spec.Process!;
        var caps = o.Privileged ? [.. inputs.HostCapabilities ?? CapabilityNames.All] : Capabilities(o.CapAdd, o.CapDrop, inputs.HostCapabilities);
        process.Capabilities = new Capabilities { Bounding = [.. caps], Effective = [.. caps], Permitted = [.. caps] };
        process.Rlimits = o.Ulimits.Count == 0 ? null : o.Ulimits.Select(ParseUlimit).ToList();
        bool unconfined = o.Privileged;
        foreach (string opt in o.SecurityOpt)
        {
            string[] kv = opt.Split(opt.Contains('=') ? '=' : ':', 2);
            switch (kv[0])
            {
                case "no-new-privileges":
                    process.NoNewPrivileges = kv.Length == 1 || kv[1] == "true";
                    break;
                case "seccomp" when kv.Length == 2:
                    unconfined |= kv[1] == "unconfined";
                    break;
                case "apparmor" or "label":
                    break;
                default:
                    throw new InvalidOptionException($"invalid --security-opt: \"{opt}\" (use no-new-privileges or seccomp=unconfined|FILE)");
            }
        }
        spec.Linux!.Seccomp = unconfined ? null
            : inputs.SeccompProfile is { } file ? ParseSeccompProfile(file)
            : DockerDefaultProfile.Create(caps, inputs.GoArch, inputs.Kernel);
        if (o.Privileged) MakePrivileged(spec, inputs.HostDevices);
    }

    /// <summary>
    /// moby's TweakCapabilities: ALL in --cap-add means every capability; ALL in --cap-drop means only the added
    /// ones. "Every" is <paramref name="all"/>: the host's bounding set when known (as podman does; a capability
    /// this process lacks cannot be given, and asking for it would fail capset with EPERM), else every known one.
    /// </summary>
    public static List<string> Capabilities(IEnumerable<string> add, IEnumerable<string> drop, IReadOnlyList<string>? all = null)
    {
        var adds = add.Select(NormalizeCapability).ToList();
        var drops = drop.Select(NormalizeCapability).ToList();
        IEnumerable<string> set = adds.Contains("ALL") ? all ?? CapabilityNames.All : drops.Contains("ALL") ? [] : DefaultCapabilities;
        set = set.Where(c => !drops.Contains(c)).Concat(adds.Where(c => c != "ALL"));
        return set.Distinct().ToList();
    }

    private static string NormalizeCapability(string name)
    {
        string upper = name.Trim().ToUpperInvariant();
        if (upper == "ALL") return upper;
        if (!upper.StartsWith("CAP_", StringComparison.Ordinal)) upper = "CAP_" + upper;
        return CapabilityNames.IsKnown(upper) ? upper : throw new InvalidOptionException($"unknown capability: \"{name}\"");
    }

    /// <summary>--ulimit name=soft[:hard] (hard defaults to soft; -1 = unlimited).</summary>
    public static Rlimit ParseUlimit(string text)
    {
        string[] kv = text.Split('=', 2);
        if (kv.Length != 2) throw new InvalidOptionException($"invalid argument \"{text}\" for \"--ulimit\" flag: invalid ulimit argument: {text}");
        if (!UlimitNames.Contains(kv[0])) throw new InvalidOptionException($"invalid argument \"{text}\" for \"--ulimit\" flag: invalid ulimit type: {kv[0]}");
        string[] limits = kv[1].Split(':');
        var values = limits.Select(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) && n >= -1 ? n
            : throw new InvalidOptionException($"invalid argument \"{text}\" for \"--ulimit\" flag: invalid ulimit argument: {text}")).ToList();
        if (values.Count > 2) throw new InvalidOptionException($"invalid argument \"{text}\" for \"--ulimit\" flag: too many limit value arguments - {kv[1]}");
        ulong soft = values[0] == -1 ? ulong.MaxValue : (ulong)values[0];
        ulong hard = values.Count == 2 ? (values[1] == -1 ? ulong.MaxValue : (ulong)values[1]) : soft;
        if (soft > hard) throw new InvalidOptionException($"invalid argument \"{text}\" for \"--ulimit\" flag: ulimit soft limit must be less than or equal to hard limit: {values[0]} > {values[^1]}");
        return new Rlimit { Type = "RLIMIT_" + kv[0].ToUpperInvariant(), Soft = soft, Hard = hard };
    }

    /// <summary>A profile file in the OCI linux.seccomp shape (Docker's profile files use the same field names).</summary>
    public static Berth.Oci.Spec.Seccomp ParseSeccompProfile(string json)
    {
        try
        {
            var profile = JsonSerializer.Deserialize(json, EngineJsonContext.Default.Seccomp);
            if (profile is null || profile.DefaultAction.Length == 0) throw new InvalidOptionException("seccomp profile has no defaultAction");
            return profile;
        }
        catch (JsonException e)
        {
            throw new InvalidOptionException($"invalid seccomp profile: {e.Message}");
        }
    }

    /// <summary>
    /// docker's privileged mode: every host device (moby oci.HostDevices: char and block devices under /dev, except
    /// pts, shm, fd, mqueue and console), no masked or read-only paths, /sys and cgroups writable. The devices
    /// cgroup allows everything (<see cref="BuildResources"/>), capabilities are all, seccomp is off.
    /// </summary>
    private static void MakePrivileged(OciSpec spec, IReadOnlyList<Device> hostDevices)
    {
        if (hostDevices.Count > 0) spec.Linux!.Devices = [.. hostDevices];
        spec.Linux!.MaskedPaths = null;
        spec.Linux.ReadonlyPaths = null;
        foreach (var mount in spec.Mounts!.Where(m => m.Destination is "/sys" or "/sys/fs/cgroup"))
        {
            mount.Options = mount.Options?.Where(x => x != "ro").Append("rw").ToList();
        }
    }
}
