using Berth.Monitor;

// berth-monitor: started by `berth start`/`berth run`, one per running container; see ContainerMonitor.
if (args.Length > 0 && args[0] == "--version")
{
    Console.WriteLine("berth-monitor version 0.1.0");
    return 0;
}
try
{
    return new ContainerMonitor(MonitorOptions.Parse(args), controlFd: 3).Run();
}
catch (Exception e)
{
    Console.Error.WriteLine($"berth-monitor: {e.Message}");
    return 125;
}
