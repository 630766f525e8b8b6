using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Engine.Specs;

public static partial class SpecBuilder
{
    /// <summary>Where --init's binary is bound in the container (podman uses /run/podman-init, docker /sbin/docker-init).</summary>
    public const string InitDestination = "/run/berth-init";

    /// <summary>The image's labels with --label/--label-file on top (docker: KEY alone is KEY=""); null when there are none.</summary>
    public static Dictionary<string, string>? MergeLabels(IReadOnlyDictionary<string, string>? image, IEnumerable<string> flags)
    {
        var labels = new Dictionary<string, string>(image ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (string label in flags)
        {
            int eq = label.IndexOf('=');
            string key = eq < 0 ? label : label[..eq];
            if (key.Length == 0) throw new InvalidOptionException($"invalid argument \"{label}\" for \"-l, --label\" flag: the label name is empty");
            labels[key] = eq < 0 ? "" : label[(eq + 1)..];
        }
        return labels.Count == 0 ? null : labels;
    }

    /// <summary>
    /// --init: the host's init binary (catatonit) bound read-only at <see cref="InitDestination"/> and put in front of
    /// the command (<c>/run/berth-init -- CMD...</c>), so it is PID 1: it reaps orphaned zombies and forwards
    /// signals to the command, whose exit code it returns. Mounted last, so a --tmpfs /run cannot hide it.
    /// </summary>
    private static void ApplyInit(OciSpec spec, SpecInputs inputs)
    {
        if (!inputs.Options.Init) return;
        string source = inputs.InitPath ?? throw new InvalidOptionException("--init: no init binary found: install catatonit (apt install catatonit) or set BERTH_INIT_PATH");
        spec.Mounts!.Add(new Berth.Oci.Spec.Mount { Destination = InitDestination, Type = "bind", Source = source, Options = ["bind", "ro", "nosuid", "nodev"] });
        spec.Process!.Args = [InitDestination, "--", .. spec.Process.Args!];
    }
}
