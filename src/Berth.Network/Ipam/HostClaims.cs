namespace Berth.Network.Ipam;

/// <summary>
/// Subnets and bridge names claimed host-wide, so engines with different --root (each its own database) never
/// pick the same one while the other's bridge happens to be down: one file per claim in
/// /var/lib/berth-networks (or $BERTH_NETWORK_CLAIMS), made with O_EXCL, holding the owner's data root. A claim
/// whose owner's database is gone (a deleted root) is stale and taken over.
/// </summary>
public sealed class HostClaims(string owner, string? directory = null)
{
    public string Directory { get; } = directory
        ?? (Environment.GetEnvironmentVariable("BERTH_NETWORK_CLAIMS") is { Length: > 0 } d ? d : "/var/lib/berth-networks");

    /// <summary>Claims KEY ("subnet-10.90.0.0-24", "bridge-berth0") for the owner; false when another live owner has it.</summary>
    public bool TryClaim(string key)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string path = Path.Combine(Directory, key);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(System.Text.Encoding.UTF8.GetBytes(owner));
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                string holder = File.ReadAllText(path);
                if (holder == owner) return true;
                if (File.Exists(Path.Combine(holder, "engine.db"))) return false;
                File.Delete(path); // stale: its engine's root is gone
            }
        }
        return false;
    }

    /// <summary>Drops the owner's claim on KEY (another owner's is left alone).</summary>
    public void Release(string key)
    {
        string path = Path.Combine(Directory, key);
        if (File.Exists(path) && File.ReadAllText(path) == owner) File.Delete(path);
    }

    public static string SubnetKey(Ipv4Subnet s) => $"subnet-{Ipv4Subnet.Format(s.Network)}-{s.Prefix}";

    public static string BridgeKey(string name) => "bridge-" + name;

    /// <summary>Every subnet claimed by a live owner other than this one.</summary>
    public List<Ipv4Subnet> OthersSubnets()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var list = new List<Ipv4Subnet>();
        foreach (string path in System.IO.Directory.GetFiles(Directory, "subnet-*"))
        {
            string holder = File.ReadAllText(path);
            if (holder == owner || !File.Exists(Path.Combine(holder, "engine.db"))) continue;
            string[] f = Path.GetFileName(path).Split('-');
            if (f.Length == 3 && Ipv4Subnet.TryParseAddress(f[1], out uint n) && int.TryParse(f[2], out int prefix)) list.Add(new Ipv4Subnet(n, prefix));
        }
        return list;
    }
}
