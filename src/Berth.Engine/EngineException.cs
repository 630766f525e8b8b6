using Berth.Oci;

namespace Berth.Engine;

/// <summary>
/// An engine error the user sees as one line. <see cref="ExitCode"/> is what docker's CLI exits with for it
/// when the command is run/create (125 = the engine failed, 126 = the command cannot be executed, 127 = the
/// command was not found); other commands exit 1, as docker's do.
/// </summary>
public class EngineException(string message, int exitCode = 125, Exception? inner = null)
    : BerthException(message, inner ?? new Exception(message))
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>No container has this id, id prefix or name.</summary>
public sealed class ContainerNotFoundException(string idOrName)
    : EngineException($"no such container: {idOrName} (see 'berth ps -a')");

/// <summary>The name belongs to another container (names are unique).</summary>
public sealed class NameInUseException(string name, string ownerId, int exitCode = 125)
    : EngineException($"the container name \"/{name}\" is already in use by container \"{ownerId}\": remove (or rename) that container to reuse the name", exitCode);

/// <summary>A flag's value cannot be used (docker: "invalid argument ... for ... flag").</summary>
public sealed class InvalidOptionException(string message) : EngineException(message);
