using Berth.Cli;
using Berth.Oci;

var global = new GlobalOptions();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
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
    var flags = CommandArgs.Parse(globalArgs, "berth", GlobalOptions.Booleans, GlobalOptions.Valued);
    global.Root = flags.Get("root");
    global.Debug = flags.Has("debug", "D");
    global.InsecureRegistries.AddRange(flags.GetAll("insecure-registry").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    if (flags.Has("version", "v"))
    {
        Console.WriteLine("berth version 0.1.0");
        return 0;
    }
    if (i >= args.Length || flags.Has("help", "h"))
    {
        Console.WriteLine(HelpText.Text);
        return i >= args.Length && !flags.Has("help", "h") ? 1 : 0;
    }
    return await Dispatcher.RunAsync(global, args[i], args[(i + 1)..], cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("berth: interrupted");
    return 130;
}
catch (BerthException e)
{
    Console.Error.WriteLine($"berth: {e.Message}");
    if (global.Debug && e.InnerException is not null) Console.Error.WriteLine(e.InnerException);
    return 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"berth: {e.Message}");
    if (global.Debug) Console.Error.WriteLine(e);
    return 1;
}
