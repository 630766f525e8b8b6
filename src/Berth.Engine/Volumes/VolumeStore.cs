using System.Globalization;
using System.Text.Json;
using Berth.Engine.State;
using Microsoft.Data.Sqlite;

namespace Berth.Engine.Volumes;

/// <summary>
/// The volumes tables in ROOT/engine.db (their own schema step, beside ContainerStore's): <c>volumes</c> (one row
/// per volume) and <c>volume_users</c> (which container mounts which volume). A use counts only while its
/// container's row exists, so a container removed by any path stops holding its volumes. Each change runs in a
/// BEGIN IMMEDIATE transaction, and the callers do their file system work inside it (creating or renaming away
/// the volume's directory), so `volume rm` and a `run -v NAME:/x` at the same moment cannot interleave.
/// </summary>
public sealed class VolumeStore
{
    private const string Columns = "name, driver, created, labels, options, anonymous";
    private readonly SqliteConnection _connection;

    /// <param name="connection">the engine database's open connection (<see cref="State.ContainerStore.Connection"/>): one per process</param>
    public VolumeStore(SqliteConnection connection)
    {
        _connection = connection;
        Execute("""
            CREATE TABLE IF NOT EXISTS volumes (
              name TEXT PRIMARY KEY, driver TEXT NOT NULL, created TEXT NOT NULL, labels TEXT NOT NULL,
              options TEXT NOT NULL, anonymous INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS volume_users (
              volume TEXT NOT NULL, container TEXT NOT NULL, PRIMARY KEY (volume, container));
            """);
    }

    /// <summary>Runs <paramref name="work"/> holding the database's write lock (BEGIN IMMEDIATE), committing when it returns.</summary>
    public T InTransaction<T>(Func<T> work) => _connection.InTransaction(work);

    public VolumeRecord? Find(string name) => Query("SELECT " + Columns + " FROM volumes WHERE name = $n", ("$n", name)).FirstOrDefault();

    public IReadOnlyList<VolumeRecord> List() => Query("SELECT " + Columns + " FROM volumes ORDER BY name");

    public void Insert(VolumeRecord v) => Execute(
        "INSERT INTO volumes (" + Columns + ") VALUES ($name, $driver, $created, $labels, $options, $anonymous)",
        ("$name", v.Name), ("$driver", v.Driver), ("$created", v.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        ("$labels", JsonSerializer.Serialize(v.Labels, VolumeJsonContext.Default.DictionaryStringString)),
        ("$options", JsonSerializer.Serialize(v.Options, VolumeJsonContext.Default.DictionaryStringString)), ("$anonymous", v.Anonymous ? 1 : 0));

    /// <summary>Deletes the row and its (stale) uses.</summary>
    public void Delete(string name) => Execute("DELETE FROM volumes WHERE name = $n; DELETE FROM volume_users WHERE volume = $n", ("$n", name));

    public void AddUser(string volume, string container) =>
        Execute("INSERT OR IGNORE INTO volume_users (volume, container) VALUES ($v, $c)", ("$v", volume), ("$c", container));

    /// <summary>Forgets every use by <paramref name="container"/>; returns the volumes it used.</summary>
    public List<string> RemoveUser(string container)
    {
        var volumes = Strings("SELECT volume FROM volume_users WHERE container = $c", ("$c", container));
        Execute("DELETE FROM volume_users WHERE container = $c", ("$c", container));
        return volumes;
    }

    /// <summary>Containers (that still exist) using the volume.</summary>
    public List<string> Users(string volume) =>
        Strings("SELECT container FROM volume_users WHERE volume = $v AND container IN (SELECT id FROM containers)", ("$v", volume));

    private List<string> Strings(string sql, params (string Name, object? Value)[] parameters) =>
        _connection.Query(sql, r => r.GetString(0), parameters);

    private void Execute(string sql, params (string Name, object? Value)[] parameters) => _connection.Execute(sql, parameters);

    private List<VolumeRecord> Query(string sql, params (string Name, object? Value)[] parameters) =>
        _connection.Query(sql, reader => new VolumeRecord
        {
            Name = reader.GetString(0), Driver = reader.GetString(1),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Labels = JsonSerializer.Deserialize(reader.GetString(3), VolumeJsonContext.Default.DictionaryStringString) ?? [],
            Options = JsonSerializer.Deserialize(reader.GetString(4), VolumeJsonContext.Default.DictionaryStringString) ?? [],
            Anonymous = reader.GetInt32(5) != 0,
        }, parameters);
}
