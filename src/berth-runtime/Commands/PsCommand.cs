using System.Diagnostics;
using Berth.Oci;
using Berth.Runtime.Container;

namespace Berth.RuntimeCli.Commands;

/// <summary>`ps [--format table|json] ID [ps options]`: the container's processes (json: their pids).</summary>
internal static class PsCommand
{
    internal static int Execute(GlobalOptions global, string[] argv)
    {
        var args = CommandArgs.Parse(argv, "ps", new HashSet<string>(), new HashSet<string> { "format", "f" });
        if (args.Positional.Count == 0) throw new UsageException("ps: missing container id (usage: berth-runtime ps [--format table|json] <container-id> [ps options])");
        var pids = Container.Load(CommandHelpers.Store(global), args.Positional[0]).Pids();
        string format = args.Get("format") ?? args.Get("f") ?? "table";
        if (format == "json")
        {
            Console.WriteLine("[" + string.Join(",", pids) + "]");
            return 0;
        }
        if (format != "table") throw new UsageException($"ps: invalid --format '{format}' (use table or json)");
        var psArgs = args.Positional.Count > 1 ? args.Positional.Skip(1).ToList() : ["-ef"];
        Console.Write(PsOutput.Filter(RunPs(psArgs), pids.ToHashSet()));
        return 0;
    }

    private static string RunPs(List<string> psArgs)
    {
        var info = new ProcessStartInfo("ps") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psArgs.ForEach(info.ArgumentList.Add);
        try
        {
            using var ps = System.Diagnostics.Process.Start(info)!;
            string output = ps.StandardOutput.ReadToEnd();
            string error = ps.StandardError.ReadToEnd();
            ps.WaitForExit();
            if (ps.ExitCode != 0) throw new BerthException($"ps {string.Join(' ', psArgs)}: {error.Trim()}");
            return output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BerthException($"ps: cannot run the host's ps program ({e.Message}); install procps");
        }
    }
}
