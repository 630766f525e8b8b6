using System.Globalization;
using Berth.Network;
using Microsoft.Data.Sqlite;

namespace Berth.Engine.State;

/// <summary>
/// Networks and who is on them, in the engine's database (same connection as <see cref="ContainerStore"/>):
/// <c>networks</c> (one row per network; name and bridge interface UNIQUE), <c>endpoints</c> (a container on a
/// network: interface, aliases, requested --ip, and while it runs its leased address — UNIQUE per network, so
/// two containers cannot hold one address), <c>sandboxes</c> (a running container's netns path and the host ports
/// it publishes). Every change is one BEGIN IMMEDIATE transaction.
/// </summary>
public sealed class NetworkStore
{
    private const string NetworkColumns = "id, name, driver, interface, subnet, gateway, internal, dns_enabled, created";
    private readonly SqliteConnection _connection;

    public NetworkStore(SqliteConnection connection)
    {
        _connection = connection;
        Execute("""
            CREATE TABLE IF NOT EXISTS networks (
              id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, driver TEXT NOT NULL, interface TEXT NOT NULL UNIQUE,
              subnet TEXT NOT NULL, gateway TEXT NOT NULL, internal INTEGER NOT NULL, dns_enabled INTEGER NOT NULL, created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS endpoints (
              container_id TEXT NOT NULL, network_id TEXT NOT NULL, interface TEXT NOT NULL, aliases TEXT NOT NULL,
              static_ip TEXT, ip TEXT, mac TEXT, PRIMARY KEY (container_id, network_id), UNIQUE (network_id, ip));
            CREATE TABLE IF NOT EXISTS sandboxes (container_id TEXT PRIMARY KEY, netns_path TEXT NOT NULL, ports TEXT NOT NULL);
            """);
    }

    public void InTransaction(Action work) => _connection.InTransaction(work);

    // --- networks ---

    public void Insert(NetworkDefinition n) => Execute(
        $"INSERT INTO networks ({NetworkColumns}) VALUES ($id, $name, $driver, $interface, $subnet, $gateway, $internal, $dns, $created)",
        ("$id", n.Id), ("$name", n.Name), ("$driver", n.Driver), ("$interface", n.Interface), ("$subnet", n.Subnet), ("$gateway", n.Gateway),
        ("$internal", n.Internal ? 1 : 0), ("$dns", n.DnsEnabled ? 1 : 0), ("$created", n.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));

    public void DeleteNetwork(string id) => Execute("DELETE FROM networks WHERE id = $id", ("$id", id));

    public List<NetworkDefinition> Networks() => QueryNetworks("SELECT " + NetworkColumns + " FROM networks ORDER BY created");

    /// <summary>By full id, exact name, then unique id prefix.</summary>
    public NetworkDefinition? FindNetwork(string idOrName)
    {
        var exact = QueryNetworks("SELECT " + NetworkColumns + " FROM networks WHERE id = $k OR name = $k", ("$k", idOrName));
        if (exact.Count > 0) return exact.FirstOrDefault(n => n.Id == idOrName) ?? exact[0];
        if (idOrName.Length == 0 || !idOrName.All(char.IsAsciiHexDigitLower)) return null;
        var prefix = QueryNetworks("SELECT " + NetworkColumns + " FROM networks WHERE substr(id, 1, $n) = $k", ("$k", idOrName), ("$n", idOrName.Length));
        return prefix.Count == 1 ? prefix[0] : null;
    }

    // --- endpoints ---

    public void AddEndpoint(string containerId, string networkId, string iface, IReadOnlyList<string> aliases, string? staticIp) => Execute(
        "INSERT INTO endpoints (container_id, network_id, interface, aliases, static_ip) VALUES ($c, $n, $i, $a, $s)",
        ("$c", containerId), ("$n", networkId), ("$i", iface), ("$a", string.Join(' ', aliases)), ("$s", staticIp));

    public void DeleteEndpoint(string containerId, string networkId) =>
        Execute("DELETE FROM endpoints WHERE container_id = $c AND network_id = $n", ("$c", containerId), ("$n", networkId));

    public void DeleteEndpoints(string containerId) => Execute("DELETE FROM endpoints WHERE container_id = $c", ("$c", containerId));

    public void SetAddress(string containerId, string networkId, string? ip, string? mac) =>
        Execute("UPDATE endpoints SET ip = $ip, mac = $mac WHERE container_id = $c AND network_id = $n", ("$c", containerId), ("$n", networkId), ("$ip", ip), ("$mac", mac));

    public void ReleaseAddresses(string containerId) => Execute("UPDATE endpoints SET ip = NULL, mac = NULL WHERE container_id = $c", ("$c", containerId));

    /// <summary>A container's endpoints in the order they were made (eth0 first).</summary>
    public List<EndpointRow> Endpoints(string containerId) => QueryEndpoints("WHERE container_id = $k ORDER BY rowid", containerId);

    public List<EndpointRow> EndpointsOn(string networkId) => QueryEndpoints("WHERE network_id = $k ORDER BY rowid", networkId);

    // --- sandboxes ---

    public void InsertSandbox(string containerId, string netnsPath, string portsJson) =>
        Execute("INSERT OR REPLACE INTO sandboxes (container_id, netns_path, ports) VALUES ($c, $p, $ports)", ("$c", containerId), ("$p", netnsPath), ("$ports", portsJson));

    public (string NetnsPath, string Ports)? FindSandbox(string containerId) =>
        _connection.Query("SELECT netns_path, ports FROM sandboxes WHERE container_id = $c", r => ((string, string)?)(r.GetString(0), r.GetString(1)), [("$c", containerId)])
            .FirstOrDefault();

    public List<(string ContainerId, string Ports)> Sandboxes() =>
        _connection.Query("SELECT container_id, ports FROM sandboxes", r => (r.GetString(0), r.GetString(1)), []);

    public void DeleteSandbox(string containerId) => Execute("DELETE FROM sandboxes WHERE container_id = $c", ("$c", containerId));

    // --- plumbing ---

    private List<NetworkDefinition> QueryNetworks(string sql, params (string, object?)[] parameters) =>
        _connection.Query(sql, r => new NetworkDefinition
        {
            Id = r.GetString(0), Name = r.GetString(1), Driver = r.GetString(2), Interface = r.GetString(3), Subnet = r.GetString(4),
            Gateway = r.GetString(5), Internal = r.GetInt32(6) != 0, DnsEnabled = r.GetInt32(7) != 0,
            Created = DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        }, parameters);

    private List<EndpointRow> QueryEndpoints(string where, string key) =>
        _connection.Query("SELECT container_id, network_id, interface, aliases, static_ip, ip, mac FROM endpoints " + where,
            r => new EndpointRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)),
            [("$k", key)]);

    private void Execute(string sql, params (string, object?)[] parameters) => _connection.Execute(sql, parameters);
}

/// <summary>One row of the endpoints table: <see cref="Ip"/> is set while the container's network is up.</summary>
public sealed record EndpointRow(string ContainerId, string NetworkId, string Interface, IReadOnlyList<string> Aliases, string? StaticIp, string? Ip, string? Mac);
