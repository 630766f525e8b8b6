using System.Text.Json;
using Berth.Oci;

namespace Berth.RuntimeCli.Commands;

/// <summary>`spec [--bundle DIR] [--rootless]`: writes a default config.json, as `runc spec` does.</summary>
internal static class SpecCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "spec", new HashSet<string> { "rootless" }, new HashSet<string> { "bundle", "b" });
        string bundle = args.Get("bundle") ?? args.Get("b") ?? ".";
        string path = Path.Combine(bundle, "config.json");
        if (File.Exists(path))
        {
            throw new BerthException($"{Path.GetFullPath(path)} exists: remove it first");
        }
        var spec = DefaultSpec.Create();
        if (args.Has("rootless"))
        {
            DefaultSpec.MakeRootless(spec, Runtime.Interop.Host.Uid, Runtime.Interop.Host.Gid);
        }
        File.WriteAllText(path, JsonSerializer.Serialize(spec, OciJsonContext.Default.Spec) + "\n");
        return 0;
    }
}
