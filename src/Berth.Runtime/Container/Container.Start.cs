using Berth.Oci;
using Berth.Oci.Spec;
using Berth.Runtime.Hooks;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`start`: releases the init blocked on exec.fifo, which execs the user process; then the poststart hooks.</summary>
    public unsafe void Start()
    {
        string status = Status;
        if (status != "created")
        {
            throw new BerthException(status == "running"
                ? $"cannot start an already running container \"{Id}\""
                : $"cannot start a container \"{Id}\" that has stopped");
        }
        string fifo = _store.FifoPath(Id);
        Trace.Step($"open {fifo} for reading: the init unblocks and execs the user process");
        int fd = Sys.Open(fifo, Sys.O_RDONLY | Sys.O_NONBLOCK);
        try
        {
            WaitForByte(fd);
        }
        finally
        {
            Sys.Close(fd);
        }
        File.Delete(fifo);
        RunPoststart();
    }

    /// <summary>Polls the fifo so that an init that died instead of writing is noticed rather than waited on forever.</summary>
    private unsafe void WaitForByte(int fd)
    {
        byte b;
        while (true)
        {
            var p = new PollFd { Fd = fd, Events = 1 };
            int ready = Libc.poll(&p, 1, 100);
            if (ready > 0 && Libc.read(fd, &b, 1) == 1) return;
            if (!Process.ProcStat.IsAlive(State.Pid, State.PidStartTime))
            {
                throw new BerthException($"container \"{Id}\": the init exited before it could be started");
            }
        }
    }

    private void RunPoststart()
    {
        var spec = SavedSpec();
        try
        {
            HookRunner.Run("poststart", spec?.Hooks?.Poststart, OciState("running"));
        }
        catch (BerthException e)
        {
            // runtime-spec: a failing poststart hook is logged and the lifecycle continues.
            Console.Error.WriteLine($"berth-runtime: warning: {e.Message}");
        }
    }
}
