using System.Globalization;
using System.Text.Json;
using Berth.Engine.Processes;
using Berth.Oci;

namespace Berth.Engine.Runtime;

/// <summary>
/// <see cref="IOciRuntime"/> over a runtime binary with runc's command line. Each call is one process; its
/// --log file (JSON lines) carries the runtime's error, which becomes the exception's message.
/// </summary>
public sealed class OciRuntimeCli(string path, string root) : IOciRuntime
{
    /// <summary>Empty, or what crun needs on a hybrid cgroup host (<see cref="CrunOnHybridHost"/>).</summary>
    private readonly IReadOnlyList<string> _prefix = CrunOnHybridHost.Prefix(path);

    public string Path { get; } = path;
    public string Name => System.IO.Path.GetFileName(Path);
    public string Root { get; } = root;

    public IReadOnlyList<string> GlobalArguments(string logFile) => [.. _prefix, Path, "--root", Root, "--log", logFile, "--log-format", "json"];

    public int Create(string id, string bundle, string pidFile, string logFile, (int Stdin, int Stdout, int Stderr) stdio)
    {
        string[] argv = [.. GlobalArguments(logFile), "create", "--bundle", bundle, "--pid-file", pidFile, id];
        int status = ProcessSpawner.Wait(ProcessSpawner.Start(argv[0], argv, [(0, stdio.Stdin), (1, stdio.Stdout), (2, stdio.Stderr)]));
        if (status != 0) throw Failure("create", id, logFile, "");
        return int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
    }

    public void Start(string id, string logFile)
    {
        var result = CommandRunner.Run([.. GlobalArguments(logFile), "start", id]);
        if (result.ExitCode != 0) throw Failure("start", id, logFile, result.Stderr);
    }

    public RuntimeState? State(string id)
    {
        var result = CommandRunner.Run([.. _prefix, Path, "--root", Root, "state", id]);
        if (result.ExitCode != 0) return null;
        try
        {
            var state = JsonSerializer.Deserialize(result.Stdout, OciJsonContext.Default.State);
            return state is null ? null : new RuntimeState(state.Status, state.Pid);
        }
        catch (JsonException e)
        {
            throw new EngineException($"{Name} state {id} printed something that is not an OCI state: {e.Message}");
        }
    }

    public bool Kill(string id, string signal)
    {
        var result = CommandRunner.Run([.. _prefix, Path, "--root", Root, "kill", id, signal]);
        return result.ExitCode == 0;
    }

    public void Pause(string id, bool pause)
    {
        string verb = pause ? "pause" : "resume";
        var result = CommandRunner.Run([.. _prefix, Path, "--root", Root, verb, id]);
        if (result.ExitCode != 0) throw new EngineException($"{Name} {verb} {id}: {RuntimeErrorClassifier.LastError(result.Stderr)}", 1);
    }

    public void Delete(string id, bool force)
    {
        var result = CommandRunner.Run(force ? [.. _prefix, Path, "--root", Root, "delete", "--force", id] : [.. _prefix, Path, "--root", Root, "delete", id]);
        if (result.ExitCode != 0 && State(id) is not null)
        {
            throw new EngineException($"{Name} delete {id}: {result.Stderr.Trim()}", 1);
        }
    }

    private EngineException Failure(string verb, string id, string logFile, string stderr)
    {
        string log = File.Exists(logFile) ? File.ReadAllText(logFile) : "";
        string message = RuntimeErrorClassifier.LastError(log.Length > 0 ? log : stderr);
        return new EngineException($"{Name} {verb} {id}: {message}", RuntimeErrorClassifier.ExitCode(message));
    }
}
