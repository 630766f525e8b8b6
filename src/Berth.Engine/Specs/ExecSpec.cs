using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Linux;
using OciProcess = Berth.Oci.Spec.Process;

namespace Berth.Engine.Specs;

/// <summary>
/// The process.json that `RUNTIME exec --process FILE ID` gets for `berth exec`, built the way docker's daemon
/// builds an exec (moby daemon/exec.go): the container's process (capabilities, rlimits, no_new_privileges,
/// ...) with the command replaced, the environment the container's plus -e on top (HOME of the user when not set, TERM=xterm with -t), the
/// user -u (names resolved in the image's /etc/passwd and /etc/group) or the container's, the working
/// directory -w or the container's. --privileged gives every capability. Pure.
/// </summary>
public static class ExecSpec
{
    public static OciProcess Build(OciProcess container, ContainerConfig config, ExecOptions o, UserDatabase users, Func<string, string?> hostEnvironment)
    {
        if (o.Cmd.Count == 0) throw new InvalidOptionException("exec needs a command to run in the container");
        var process = JsonSerializer.Deserialize(JsonSerializer.Serialize(container, OciJsonContext.Default.Process), OciJsonContext.Default.Process)!;
        process.Args = [.. o.Cmd];
        process.Terminal = o.Tty;
        process.ConsoleSize = o.Tty && o.ConsoleSize is { Rows: > 0 } size ? new Oci.Spec.ConsoleSize { Height = size.Rows, Width = size.Columns } : null;
        string cwd = string.IsNullOrEmpty(o.WorkingDir) ? container.Cwd : o.WorkingDir;
        if (!cwd.StartsWith('/')) throw new InvalidOptionException($"the working directory '{cwd}' is invalid, it needs to be an absolute path");
        process.Cwd = cwd;
        var (user, home) = users.Resolve(o.User ?? config.User);
        if (o.User is not null) process.User = user;
        var env = SpecBuilder.MergeEnvironment(config.Env, o.Env, config.Hostname, hostEnvironment);
        if (!env.Any(e => e.StartsWith("HOME=", StringComparison.Ordinal))) env.Add("HOME=" + home);
        if (o.Tty && !env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal))) env.Add("TERM=xterm");
        process.Env = env;
        if (o.Privileged)
        {
            List<string> all = [.. CapabilityNames.All];
            process.Capabilities = new Oci.Spec.Capabilities { Bounding = all, Effective = [.. all], Permitted = [.. all] };
        }
        return process;
    }
}
