using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Berth.Images.IntegrationTests;

/// <summary>
/// Debian's docker-registry (distribution 2.8) on 127.0.0.1:&lt;free port&gt; with its own config in a
/// berth-test-* temp dir (filesystem storage there; never the packaged config or service). Optional
/// htpasswd (Basic) or token auth. <see cref="Push"/> copies an OCI layout in with skopeo. Dispose kills
/// the registry by PID and removes the dir.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly Process _process;

    private LocalRegistry(string dir, int port, string authConfig)
    {
        Directory = dir;
        Port = port;
        string config = $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {dir}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              secret: berth-test-secret
            {authConfig}
            """;
        File.WriteAllText(Path.Combine(dir, "config.yml"), config);
        var info = new ProcessStartInfo("/usr/bin/docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(Path.Combine(dir, "config.yml"));
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public string Directory { get; }
    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    public static LocalRegistry Start() => new(NewDir(), FreePort(), "");

    /// <summary>htpasswd (bcrypt, from `htpasswd -B`) Basic authentication for one user.</summary>
    public static LocalRegistry StartWithHtpasswd(string user, string password)
    {
        string dir = NewDir();
        var result = ProcessRunner.Run("/usr/bin/htpasswd", ["-Bbn", user, password]);
        if (result.ExitCode != 0) throw new InvalidOperationException("htpasswd failed: " + result);
        File.WriteAllText(Path.Combine(dir, "htpasswd"), result.Stdout);
        return new LocalRegistry(dir, FreePort(), $"auth:\n  htpasswd:\n    realm: berth-test\n    path: {dir}/htpasswd\n");
    }

    /// <summary>Token authentication: the registry trusts <paramref name="server"/>'s certificate and sends clients to its realm.</summary>
    public static LocalRegistry StartWithTokenServer(TokenServer server)
    {
        string dir = NewDir();
        File.WriteAllText(Path.Combine(dir, "token.crt"), server.CertificatePem);
        return new LocalRegistry(dir, FreePort(),
            $"auth:\n  token:\n    realm: {server.Realm}\n    service: {TokenServer.Service}\n    issuer: {TokenServer.Issuer}\n    rootcertbundle: {dir}/token.crt\n");
    }

    /// <summary>skopeo copy oci:LAYOUT:TAG docker://HOST/NAME (all platforms).</summary>
    public void Push(string layout, string tag, string name, string? credentials = null)
    {
        string[] creds = credentials is null ? [] : ["--dest-creds", credentials];
        var result = ProcessRunner.Run("/usr/bin/skopeo", ["copy", "--all", "--dest-tls-verify=false", .. creds, $"oci:{layout}:{tag}", $"docker://{Host}/{name}"]);
        if (result.ExitCode != 0) throw new InvalidOperationException("skopeo copy failed: " + result);
    }

    private void WaitUntilListening()
    {
        for (int i = 0; i < 100; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}; config in {Directory}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"docker-registry did not listen on {Host} within 10 s");
    }

    private static string NewDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "berth-test-registry-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
