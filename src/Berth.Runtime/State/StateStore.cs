using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Oci;
using Berth.Runtime.Process;

namespace Berth.Runtime.State;

/// <summary>The --root directory: one directory per container holding state.json, config.json (a copy) and exec.fifo.</summary>
public sealed partial class StateStore
{
    public const string DefaultRoot = "/run/berth-runtime";

    public string Root { get; }

    public StateStore(string? root) => Root = string.IsNullOrEmpty(root) ? DefaultRootFor(Interop.Libc.geteuid()) : Path.GetFullPath(root);

    /// <summary>
    /// /run/berth-runtime for root; for anyone else (rootless) $XDG_RUNTIME_DIR/berth-runtime, else
    /// /tmp/berth-runtime-&lt;uid&gt; (runc: /run/user/&lt;uid&gt;/runc).
    /// </summary>
    public static string DefaultRootFor(uint euid)
    {
        if (euid == 0) return DefaultRoot;
        string? xdg = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return string.IsNullOrEmpty(xdg) ? $"/tmp/berth-runtime-{euid}" : Path.Combine(xdg, "berth-runtime");
    }

    [GeneratedRegex(@"^[\w+\-\.]+$")]
    private static partial Regex IdPattern();

    /// <summary>runc's rule: letters, digits, '_', '+', '-', '.'; not "." or "..".</summary>
    public static void ValidateId(string id)
    {
        if (id.Length == 0 || id == "." || id == ".." || !IdPattern().IsMatch(id))
        {
            throw new BerthException($"invalid container id '{id}': use letters, digits, '_', '+', '-' and '.'");
        }
    }

    public string Dir(string id) => Path.Combine(Root, id);
    public string FifoPath(string id) => Path.Combine(Dir(id), "exec.fifo");
    public string ConfigPath(string id) => Path.Combine(Dir(id), "config.json");
    public bool Exists(string id) => File.Exists(Path.Combine(Dir(id), "state.json"));

    public ContainerState Load(string id)
    {
        ValidateId(id);
        string path = Path.Combine(Dir(id), "state.json");
        if (!File.Exists(path))
        {
            throw new ContainerNotFoundException(id);
        }
        byte[] json = File.ReadAllBytes(path);
        if (StateJson.TryDecode(json) is { } state) return state;
        // Only a state.json the hand-written reader refuses meets the source-generated context, for its error.
        try
        {
            return JsonSerializer.Deserialize(json, RuntimeJsonContext.Default.ContainerState)
                ?? throw new BerthException($"{path}: empty state");
        }
        catch (JsonException e)
        {
            throw new BerthException(
                $"{path}: damaged state at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}); if the container is gone, remove {Dir(id)}", e);
        }
    }

    /// <summary>Written to a temp file and renamed, so readers never see half a state.</summary>
    public void Save(ContainerState state)
    {
        string path = Path.Combine(Dir(state.Id), "state.json");
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, StateJson.Encode(state));
        File.Move(temp, path, overwrite: true);
    }

    public void Remove(string id)
    {
        string dir = Dir(id);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    public IEnumerable<string> Ids() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(id => id is not null && Exists(id)).Order(StringComparer.Ordinal)!
            : [];
}

public sealed class ContainerNotFoundException : BerthException
{
    public ContainerNotFoundException(string id) : base($"container \"{id}\" does not exist") { }
}
