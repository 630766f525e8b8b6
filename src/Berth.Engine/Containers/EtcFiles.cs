namespace Berth.Engine.Containers;

/// <summary>
/// The per-container /etc/hostname, /etc/hosts and /etc/resolv.conf, written into the container's directory
/// and bind-mounted over the image's files (as docker does): with --network host they are the host's; with
/// none, localhost entries only and no name servers.
/// </summary>
internal static class EtcFiles
{
    public static Dictionary<string, string> Write(string containerDirectory, string hostname, string network)
    {
        bool host = network == "host";
        var files = new Dictionary<string, string>
        {
            ["/etc/hostname"] = Path.Combine(containerDirectory, "hostname"),
            ["/etc/hosts"] = Path.Combine(containerDirectory, "hosts"),
            ["/etc/resolv.conf"] = Path.Combine(containerDirectory, "resolv.conf"),
        };
        File.WriteAllText(files["/etc/hostname"], hostname + "\n");
        File.WriteAllText(files["/etc/hosts"], host && File.Exists("/etc/hosts") ? File.ReadAllText("/etc/hosts")
            : "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
        File.WriteAllText(files["/etc/resolv.conf"], host && File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "# no network (--network none)\n");
        return files;
    }
}
