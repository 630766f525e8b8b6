using System.Security.Cryptography;
using System.Text.Json;
using Berth.Engine.Specs;
using Berth.Oci;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth exec`: checks the container runs, builds the process (see <see cref="ExecSpec"/>) from its bundle's
    /// config.json, its config and the image's /etc/passwd and /etc/group in its mounted rootfs, and writes it
    /// to RUNROOT/containers/ID/exec-RANDOM.json. The returned <see cref="ExecProcess"/> runs
    /// <c>RUNTIME exec --process FILE [--tty --console-socket S] [--detach --pid-file P] ID</c>.
    /// </summary>
    public ExecProcess PrepareExec(string idOrName, ExecOptions o)
    {
        var c = Get(idOrName);
        if (c.State == State.ContainerStatus.Restarting) throw new EngineException($"container {c.Name} is restarting, wait until the container is running", 1);
        if (!c.IsRunning) throw new EngineException($"container {c.Name} is not running", 1);
        var spec = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(c.BundlePath, "config.json")), OciJsonContext.Default.Spec)
            ?? throw new EngineException($"container {c.Name}: its config.json is empty", 1);
        string rootfs = Path.IsPathRooted(spec.Root!.Path) ? spec.Root.Path : Path.Combine(c.BundlePath, spec.Root.Path);
        var users = new UserDatabase(ImageFile(rootfs, "passwd"), ImageFile(rootfs, "group"));
        var process = ExecSpec.Build(spec.Process!, ConfigOf(c), o, users, Environment.GetEnvironmentVariable);
        string runDir = Paths.RunDirectory(c.Id);
        string name = "exec-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        string processFile = Path.Combine(runDir, name + ".json");
        File.WriteAllText(processFile, JsonSerializer.Serialize(process, OciJsonContext.Default.Process));
        return new ExecProcess(RuntimeFor(c), c.Id, runDir, name, o.Tty && !o.Detach, o.Detach);
    }
}
