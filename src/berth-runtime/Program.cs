using Berth.Oci;
using Berth.Runtime.Process;
using Berth.Runtime.Tracing;
using Berth.RuntimeCli;
using Berth.RuntimeCli.Commands;

// `init` is the container's init, cloned into its namespaces by native/nsexec.c before .NET started.
if (args.Length > 0 && args[0] == "init")
{
    return InitProcess.Run();
}

var global = new GlobalOptions();
try
{
    int i = 0;
    var globalArgs = new List<string>();
    while (i < args.Length && args[i].StartsWith('-'))
    {
        string name = args[i].TrimStart('-').Split('=')[0];
        globalArgs.Add(args[i]);
        if (GlobalOptions.Valued.Contains(name) && !args[i].Contains('=') && i + 1 < args.Length) globalArgs.Add(args[++i]);
        i++;
    }
    var flags = CommandArgs.Parse(globalArgs, "berth-runtime", GlobalOptions.Booleans, GlobalOptions.Valued);
    global.Root = flags.Get("root");
    global.Log = flags.Get("log");
    global.LogFormat = flags.Get("log-format") ?? "text";
    global.Debug = flags.Has("debug");
    Trace.DebugEnabled = global.Debug;
    global.SystemdCgroup = flags.Has("systemd-cgroup");
    if (flags.Has("trace")) Trace.Enabled = true;
    if (flags.Has("version") || flags.Has("v"))
    {
        Console.WriteLine(VersionText.Text);
        return 0;
    }
    if (i >= args.Length || flags.Has("help") || flags.Has("h"))
    {
        Console.WriteLine(HelpText.Text);
        return i >= args.Length && !flags.Has("help") && !flags.Has("h") ? 1 : 0;
    }
    return Dispatcher.Run(global, args[i], args[(i + 1)..]);
}
catch (BerthException e)
{
    global.ReportError(e.Message);
    if (global.Debug && e.InnerException is not null) Console.Error.WriteLine(e.InnerException);
    return 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    global.ReportError(e.Message);
    if (global.Debug) Console.Error.WriteLine(e);
    return 1;
}
