namespace Berth.Monitor;

/// <summary>
/// The monitor's command line, written by the engine (Berth.Engine's MonitorLauncher), never typed by users:
/// <c>berth-monitor --id ID --runtime PATH --runtime-root DIR --bundle DIR --pid-file F --runtime-log F
/// --log F --log-max-size BYTES --log-max-files N --exit-file F [--attach] [-- EXIT-COMMAND...]</c>.
/// fd 3 is the control socket (see MonitorFrame).
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
            if (args[i] == "--attach")
            {
                o.Attach = true;
                continue;
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
                default: throw new ArgumentException($"berth-monitor: unknown flag {args[i - 1]}");
            }
        }
        if (o.Id.Length == 0 || o.Runtime.Length == 0 || o.Bundle.Length == 0) throw new ArgumentException("berth-monitor: --id, --runtime and --bundle are required");
        return o;
    }

    /// <summary>runtime --root DIR --log FILE --log-format json VERB ARGS... (runc, crun and berth-runtime all take this).</summary>
    public string[] RuntimeArgs(params string[] verb) =>
        [.. RuntimeWrapper, Runtime, "--root", RuntimeRoot, "--log", RuntimeLog, "--log-format", "json", .. verb];
}
