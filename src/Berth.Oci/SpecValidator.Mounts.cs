using Berth.Oci.Spec;

namespace Berth.Oci;

/// <summary>The "mounts" and "hooks" rules: absolute destinations and hook paths, positive hook timeouts.</summary>
public static partial class SpecValidator
{
    private static void CheckMounts(List<Mount>? mounts)
    {
        for (int i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var mount = Entry(mounts![i], $"mounts[{i}]");
            CheckAbsolute(mount.Destination, $"mounts[{i}].destination");
        }
    }

    private static void CheckHooks(Hooks? hooks)
    {
        foreach (var (phase, list) in HookNames.Enumerate(hooks))
        {
            for (int i = 0; i < list.Count; i++)
            {
                CheckHook(Entry(list[i], $"hooks.{phase}[{i}]"), $"hooks.{phase}[{i}]");
            }
        }
    }

    private static void CheckHook(Hook hook, string field)
    {
        CheckAbsolute(hook.Path, field + ".path");
        if (hook.Timeout is <= 0)
        {
            throw new InvalidSpecException($"{field}.timeout: must be greater than zero, got {hook.Timeout}");
        }
    }
}
