using Berth.Engine.Monitor;
using Berth.Engine.State;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth attach` (and `start -a` of a running container): a client connection to the monitor's attach
    /// socket, RUNROOT/containers/ID/attach. Output from now on, input and window sizes, and the exit code.
    /// </summary>
    public MonitorSession Attach(string idOrName, out ContainerRecord container)
    {
        var c = container = Get(idOrName);
        if (!c.IsRunning) throw new EngineException($"cannot attach to container {c.Name}: it is not running (start it first)", 1);
        string socket = AttachSocketPath(Paths.RunDirectory(c.Id));
        return MonitorSession.Connect(socket)
            ?? throw new EngineException($"cannot attach to container {c.Name}: its monitor does not listen on {socket}", 1);
    }
}
