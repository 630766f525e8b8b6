using System.Diagnostics;

namespace Berth.Images.IntegrationTests;

/// <summary>Runs a program to completion and captures its output (and the berth CLI through `dotnet berth.dll`).</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    public static Result Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (string a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 120 s");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The berth CLI built next to the tests.</summary>
    public static Result RunBerth(string root, IDictionary<string, string>? env, params string[] args) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "berth.dll"), "--root", root, .. args], env);

    public static Process StartBerth(string root, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "berth.dll"), "--root", root }.Concat(args)) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }
}
