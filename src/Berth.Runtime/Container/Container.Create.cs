using Berth.Cgroups;
using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Seccomp;
using Berth.Runtime.State;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`create`: the container exists, its init waits on exec.fifo, the user process has not run.</summary>
    public static Container Create(StateStore store, CreateOptions options)
    {
        StateStore.ValidateId(options.Id);
        if (store.Exists(options.Id)) throw new BerthException($"container \"{options.Id}\" already exists");
        var host = CgroupHost.Detect();
        string bundle = Path.GetFullPath(options.Bundle);
        var spec = SpecLoader.Load(bundle);
        SpecValidator.Validate(spec, bundle);
        if (!Sys.IsRoot && spec.Linux?.Namespaces?.Any(ns => ns.Type == Oci.Linux.NamespaceTypes.User) != true)
        {
            throw new BerthException("rootless: without root, config.json needs a user namespace with uid/gid mappings " +
                "(make one with `berth-runtime spec --rootless`)");
        }
        var seccomp = SeccompCompiler.Compile(spec.Linux?.Seccomp);
        var creation = new ContainerCreation(store, options, spec, bundle, host) { Seccomp = seccomp };
        try
        {
            return new Container(store, creation.Run(), spec, creation.CgroupManager) { StartedAtCreate = creation.StartsAtOnce };
        }
        catch
        {
            creation.Cleanup();
            throw;
        }
    }
}
