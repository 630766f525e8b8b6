namespace Berth.Conformance.Harness;

/// <summary>
/// A throw-away unprivileged user for rootless tests: made with useradd (no home, no shell), given a
/// subordinate id range in /etc/subuid and /etc/subgid, and removed again with userdel (which also drops
/// its subordinate ranges). Its name carries the berth-test- prefix.
/// </summary>
public sealed class RootlessUser : IDisposable
{
    public string Name { get; } = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
    public uint Uid { get; }
    public uint Gid { get; }
    /// <summary>First host id of the user's 65536 subordinate ids.</summary>
    public uint SubBase { get; } = 600000 + (uint)Random.Shared.Next(0, 1000) * 65536;

    public RootlessUser()
    {
        Exec.Run("useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", "--user-group", Name]).AssertSuccess("useradd");
        string range = $"{SubBase}-{SubBase + 65535}";
        Exec.Run("usermod", ["--add-subuids", range, "--add-subgids", range, Name]).AssertSuccess("usermod --add-subuids");
        Uid = uint.Parse(Exec.Run("id", ["-u", Name]).AssertSuccess("id -u").Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Gid = uint.Parse(Exec.Run("id", ["-g", Name]).AssertSuccess("id -g").Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a program as this user (setpriv), with XDG_RUNTIME_DIR set.</summary>
    public CommandResult Run(string xdgRuntimeDir, string program, params string[] args) =>
        Exec.Run("setpriv", [$"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "env", $"XDG_RUNTIME_DIR={xdgRuntimeDir}", program, .. args]);

    public void Dispose() => Exec.Run("userdel", [Name]);
}
