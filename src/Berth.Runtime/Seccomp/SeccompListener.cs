using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Json;
using Berth.Runtime.Interop;
using Berth.Runtime.Process;
using Berth.Runtime.Terminal;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// Seccomp user notification (runtime-spec config-linux.md, "linux.seccomp.listenerPath"): calls that hit an
/// SCMP_ACT_NOTIFY rule wait until an agent outside the container answers them, through the fd that loading
/// the filter with NEW_LISTENER returns.
/// <code>
///  init                                  runtime (create / exec)            agent at listenerPath
///  load the filter (before Ready) ──fd─▶ connect listenerPath ───────────▶ accept
///  close its copy, go on                 send ContainerProcessState + fd ─▶ recvmsg: JSON, fd
///                                        close                              ioctl(NOTIF_RECV/SEND)...
/// </code>
/// The filter is loaded before the init reports Ready, while the runtime still listens (as runc does), not
/// right before execve: after `create` has returned nobody could take the fd. The process waits in the
/// kernel until the agent answers, so nobody needs to wait for the agent.
/// </summary>
internal static class SeccompListener
{
    /// <summary>Init side: loads the filter and sends its listener fd to the runtime.</summary>
    internal static void HandOver(SeccompProgram program, InitChannel channel)
    {
        int fd = SeccompKernel.Load(program, "now, not at execve: its listener fd goes to the runtime for linux.seccomp.listenerPath");
        try
        {
            channel.SendFd(InitMessage.SeccompListener, fd);
        }
        finally
        {
            Sys.Close(fd);
        }
    }

    /// <summary>Runtime side: takes the listener fd from the init and gives it to the agent with the container's state.</summary>
    internal static void Forward(InitChannel channel, Oci.Spec.Seccomp spec, Oci.Spec.State state, string eofText)
    {
        int listener = channel.ExpectFd(InitMessage.SeccompListener, eofText);
        try
        {
            string path = spec.ListenerPath!;
            Trace.Step($"seccomp: send the listener fd and the state to the agent at {path}");
            int socket;
            try
            {
                socket = UnixSocket.Connect(path, "linux.seccomp.listenerPath");
            }
            catch (SyscallException e)
            {
                throw new BerthException($"{e.Message} (start the seccomp agent first)");
            }
            try
            {
                FdPassing.Send(socket, listener, Encode(spec.ListenerMetadata, state), $"the seccomp listener to {path}");
            }
            finally
            {
                Sys.Close(socket);
            }
        }
        finally
        {
            Sys.Close(listener);
        }
    }

    /// <summary>The runtime-spec's ContainerProcessState: {ociVersion, fds: ["seccompFd"], pid, metadata, state}.</summary>
    internal static byte[] Encode(string? metadata, Oci.Spec.State state)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ociVersion", state.OciVersion);
            json.WriteStartArray("fds");
            json.WriteStringValue("seccompFd");
            json.WriteEndArray();
            json.WriteNumber("pid", state.Pid);
            json.WriteString("metadata", metadata ?? "");
            json.WritePropertyName("state");
            SpecJsonWriter.WriteState(json, state);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
