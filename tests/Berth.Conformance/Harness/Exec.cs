using System.Diagnostics;

namespace Berth.Conformance.Harness;

/// <summary>
/// Runs a host command with a timeout and captures its output. Output goes to temp files, not pipes:
/// `create` leaves the container's init holding the runtime's stdout/stderr, and a pipe would then
/// never reach end-of-file.
/// </summary>
public static class Exec
{
    public static CommandResult Run(string file, IEnumerable<string> args, string? stdin = null, int timeoutMs = 30_000)
    {
        string dir = Path.Combine(Path.GetTempPath(), "berth-test-exec-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        try
        {
            string inFile = Path.Combine(dir, "in"), outFile = Path.Combine(dir, "out"), errFile = Path.Combine(dir, "err");
            File.WriteAllText(inFile, stdin ?? "");
            var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("f=$1; i=$2; o=$3; e=$4; shift 4; exec \"$f\" \"$@\" <\"$i\" >\"$o\" 2>\"$e\"");
            psi.ArgumentList.Add("exec");
            foreach (string a in new[] { file, inFile, outFile, errFile }.Concat(args)) psi.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(psi)!;
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutMs} ms");
            }
            return new CommandResult(p.ExitCode, File.ReadAllText(outFile), File.ReadAllText(errFile));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static bool IsRoot => Environment.UserName == "root";
}
