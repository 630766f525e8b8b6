namespace Berth.Engine.Runtime;

/// <summary>
/// An OCI runtime driven through its command line, as podman drives crun and containerd's shim drives runc:
/// <c>RUNTIME --root DIR --log FILE --log-format json VERB ...</c> with VERB one of create, start, state, kill,
/// delete. Any runtime with runc's command line works (berth-runtime, runc, crun). The monitor runs create
/// and start itself (it must own the container's stdio): <see cref="GlobalArguments"/> gives it the prefix.
/// </summary>
public interface IOciRuntime
{
    /// <summary>Absolute path of the binary.</summary>
    string Path { get; }

    /// <summary>The binary's file name ("berth-runtime", "runc", "crun").</summary>
    string Name { get; }

    /// <summary>[path, --root, DIR, --log, FILE, --log-format, json]: what precedes every verb (argv[0] is the program to run; see CrunOnHybridHost).</summary>
    IReadOnlyList<string> GlobalArguments(string logFile);

    /// <summary><c>create --bundle B --pid-file P ID</c> with the given stdio; returns the container's pid.</summary>
    int Create(string id, string bundle, string pidFile, string logFile, (int Stdin, int Stdout, int Stderr) stdio);

    void Start(string id, string logFile);

    /// <summary>The runtime's view ("created", "running", "stopped", "paused"), or null when it has no such container.</summary>
    RuntimeState? State(string id);

    /// <summary><c>kill ID SIGNAL</c>; false when the container is no longer there (already exited).</summary>
    bool Kill(string id, string signal);

    /// <summary><c>pause ID</c> / <c>resume ID</c>: freeze or thaw every process of the container; throws the runtime's error.</summary>
    void Pause(string id, bool pause);

    /// <summary><c>delete [--force] ID</c>; a container the runtime does not know is not an error.</summary>
    void Delete(string id, bool force);
}
