using Berth.Engine.Monitor;

namespace Berth.Monitor;

/// <summary>
/// The monitor's command line, written by the engine (Berth.Engine's MonitorLauncher), never typed by users:
/// <c>berth-monitor --id ID --runtime PATH --runtime-root DIR --bundle DIR --pid-file F --runtime-log F
/// --log F --log-max-size BYTES --log-max-files N --exit-file F [--attach] [--tty --console-socket PATH [--console-size ROWSxCOLS]]
/// [--stdin [--stdin-once]] [--attach-socket PATH] [--restart POLICY --stop-file PATH] [-- EXIT-COMMAND...]</c>.
/// fd 3 is the control socket (see MonitorFrame). The exit command runs after the last exit as given, and
/// around restarts with <c>--restarting</c> (exited, a restart follows) or <c>--started PID</c> appended.
/// </summary>
internal sealed class MonitorOptions
{
    public string Id { get; private set; } = "";
    public string Runtime { get; private set; } = "";
    public string RuntimeRoot { get; private set; } = "";

    /// <summary>Words run before the runtime, one per --runtime-wrapper (crun on a hybrid cgroup host: Berth.Engine's CrunOnHybridHost).</summary>
    public List<string> RuntimeWrapper { get; } = [];
    public string Bundle { get; private set; } = "";
    public string PidFile { get; private set; } = "";
    public string RuntimeLog { get; private set; } = "";
    public string Log { get; private set; } = "";
    public long LogMaxSize { get; private set; } = 10 * 1024 * 1024;
    public int LogMaxFiles { get; private set; } = 3;
    public string ExitFile { get; private set; } = "";
    public bool Attach { get; private set; }
    /// <summary>-t: the runtime makes a pty (process.terminal) and sends its master over the console socket.</summary>
    public bool Tty { get; private set; }
    public string ConsoleSocket { get; private set; } = "";
    /// <summary>--console-size ROWSxCOLUMNS: the attached terminal's size, set on the pty before `start`.</summary>
    public (ushort Rows, ushort Columns)? ConsoleSize { get; private set; }
    /// <summary>-i: the container's stdin is a pipe (or the pty) fed from clients' 'I' frames, not /dev/null.</summary>
    public bool Stdin { get; private set; }
    /// <summary>docker's StdinOnce: a client's 'C' (its stdin ended) closes the container's stdin.</summary>
    public bool StdinOnce { get; private set; }
    public string AttachSocket { get; private set; } = "";
    public RestartPolicy Restart { get; private set; } = RestartPolicy.No;
    /// <summary>Created by `berth stop`: no restart after this exit.</summary>
    public string StopFile { get; private set; } = "";
    public string[] ExitCommand { get; private set; } = [];

    public static MonitorOptions Parse(string[] args)
    {
        var o = new MonitorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                o.ExitCommand = args[(i + 1)..];
                break;
            }
            switch (args[i])
            {
                case "--attach": o.Attach = true; continue;
                case "--tty": o.Tty = true; continue;
                case "--stdin": o.Stdin = true; continue;
                case "--stdin-once": o.StdinOnce = true; continue;
            }
            if (i + 1 >= args.Length) throw new ArgumentException($"berth-monitor: {args[i]} needs a value");
            string value = args[++i];
            switch (args[i - 1])
            {
                case "--id": o.Id = value; break;
                case "--runtime": o.Runtime = value; break;
                case "--runtime-wrapper": o.RuntimeWrapper.Add(value); break;
                case "--runtime-root": o.RuntimeRoot = value; break;
                case "--bundle": o.Bundle = value; break;
                case "--pid-file": o.PidFile = value; break;
                case "--runtime-log": o.RuntimeLog = value; break;
                case "--log": o.Log = value; break;
                case "--log-max-size": o.LogMaxSize = long.Parse(value); break;
                case "--log-max-files": o.LogMaxFiles = int.Parse(value); break;
                case "--exit-file": o.ExitFile = value; break;
                case "--console-socket": o.ConsoleSocket = value; break;
                case "--attach-socket": o.AttachSocket = value; break;
                case "--restart": o.Restart = RestartPolicy.Parse(value); break;
                case "--stop-file": o.StopFile = value; break;
                case "--console-size" when value.Split('x') is [var rows, var columns]: o.ConsoleSize = (ushort.Parse(rows), ushort.Parse(columns)); break;
                default: throw new ArgumentException($"berth-monitor: unknown flag {args[i - 1]}");
            }
        }
        if (o.Id.Length == 0 || o.Runtime.Length == 0 || o.Bundle.Length == 0) throw new ArgumentException("berth-monitor: --id, --runtime and --bundle are required");
        if (o.Tty && o.ConsoleSocket.Length == 0) throw new ArgumentException("berth-monitor: --tty needs --console-socket");
        return o;
    }

    /// <summary>runtime --root DIR --log FILE --log-format json VERB ARGS... (runc, crun and berth-runtime all take this).</summary>
    public string[] RuntimeArgs(params string[] verb) =>
        [.. RuntimeWrapper, Runtime, "--root", RuntimeRoot, "--log", RuntimeLog, "--log-format", "json", .. verb];
}
