namespace Berth.Oci;

/// <summary>The hook phases of config.md "hooks", in lifecycle order.</summary>
public static class HookNames
{
    public const string Prestart = "prestart";
    public const string CreateRuntime = "createRuntime";
    public const string CreateContainer = "createContainer";
    public const string StartContainer = "startContainer";
    public const string Poststart = "poststart";
    public const string Poststop = "poststop";

    public static IReadOnlyList<string> All { get; } =
        [Prestart, CreateRuntime, CreateContainer, StartContainer, Poststart, Poststop];

    /// <summary>Each phase with its hooks (an empty list where the phase has none), in lifecycle order.</summary>
    public static IEnumerable<(string Phase, IReadOnlyList<Spec.Hook> Hooks)> Enumerate(Spec.Hooks? hooks)
    {
        yield return (Prestart, hooks?.Prestart ?? []);
        yield return (CreateRuntime, hooks?.CreateRuntime ?? []);
        yield return (CreateContainer, hooks?.CreateContainer ?? []);
        yield return (StartContainer, hooks?.StartContainer ?? []);
        yield return (Poststart, hooks?.Poststart ?? []);
        yield return (Poststop, hooks?.Poststop ?? []);
    }
}
