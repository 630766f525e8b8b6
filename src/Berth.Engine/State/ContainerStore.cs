using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Berth.Engine.State;

/// <summary>
/// The engine's database, ROOT/engine.db (SQLite, WAL journal, 10 s busy timeout): every berth process opens
/// it, and each change runs in a transaction that takes the write lock at its start (BEGIN IMMEDIATE), so
/// concurrent commands serialise instead of overwriting each other. Names are UNIQUE in the schema: two
/// `run --name x` at once cannot both win.
/// </summary>
public sealed class ContainerStore : IDisposable
{
    private const string Columns = "id, name, image, image_id, config, created, state, pid, exit_code, started_at, finished_at, bundle_path, log_path, runtime_path, monitor_pid, error, restart_count";
    private readonly SqliteConnection _connection;

    public ContainerStore(string databasePath)
    {
        SqliteSetup.EnsureInitialized();
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 10, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS containers (
              id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, image TEXT NOT NULL, image_id TEXT NOT NULL,
              config TEXT NOT NULL, created TEXT NOT NULL, state TEXT NOT NULL, pid INTEGER NOT NULL DEFAULT 0,
              exit_code INTEGER, started_at TEXT, finished_at TEXT, bundle_path TEXT NOT NULL,
              log_path TEXT NOT NULL, runtime_path TEXT NOT NULL, monitor_pid INTEGER NOT NULL DEFAULT 0, error TEXT)
            """);
        AddColumn("restart_count INTEGER NOT NULL DEFAULT 0");
    }

    /// <summary>Adds a new container; <see cref="NameInUseException"/> when the name is taken.</summary>
    public void Insert(ContainerRecord c)
    {
        try
        {
            InTransaction(() => Execute($"INSERT INTO containers ({Columns}) VALUES ($id, $name, $image, $image_id, $config, $created, $state, $pid, $exit_code, $started_at, $finished_at, $bundle_path, $log_path, $runtime_path, $monitor_pid, $error, $restart_count)", Parameters(c)));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("containers.name", StringComparison.Ordinal))
        {
            var owner = Find(c.Name);
            throw new NameInUseException(c.Name, owner?.Id ?? "?");
        }
    }

    /// <summary>Writes every column of the row with this id.</summary>
    public void Update(ContainerRecord c) =>
        InTransaction(() => Execute("UPDATE containers SET name=$name, image=$image, image_id=$image_id, config=$config, created=$created, state=$state, pid=$pid, exit_code=$exit_code, started_at=$started_at, finished_at=$finished_at, bundle_path=$bundle_path, log_path=$log_path, runtime_path=$runtime_path, monitor_pid=$monitor_pid, error=$error, restart_count=$restart_count WHERE id=$id", Parameters(c)));

    /// <summary>Read-modify-write of one row inside one write transaction; false when the row is gone.</summary>
    public bool Change(string id, Action<ContainerRecord> change)
    {
        bool found = false;
        InTransaction(() =>
        {
            var c = Query("SELECT " + Columns + " FROM containers WHERE id = $id", ("$id", id)).FirstOrDefault();
            if (c is null) return;
            change(c);
            Execute("UPDATE containers SET state=$state, pid=$pid, exit_code=$exit_code, started_at=$started_at, finished_at=$finished_at, monitor_pid=$monitor_pid, error=$error, restart_count=$restart_count WHERE id=$id", Parameters(c));
            found = true;
        });
        return found;
    }

    /// <summary>Gives the row a new name; <see cref="NameInUseException"/> when another container has it.</summary>
    public void Rename(string id, string newName)
    {
        try
        {
            InTransaction(() => Execute("UPDATE containers SET name = $name WHERE id = $id", ("$id", id), ("$name", newName)));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("containers.name", StringComparison.Ordinal))
        {
            throw new NameInUseException(newName, Find(newName)?.Id ?? "?", exitCode: 1);
        }
    }

    public void Delete(string id) => InTransaction(() => Execute("DELETE FROM containers WHERE id = $id", ("$id", id)));

    public IReadOnlyList<ContainerRecord> List() => Query("SELECT " + Columns + " FROM containers ORDER BY created DESC");

    /// <summary>By full id, then exact name, then unique id prefix (docker's order); null when nothing matches.</summary>
    public ContainerRecord? Find(string idOrName)
    {
        var exact = Query("SELECT " + Columns + " FROM containers WHERE id = $k OR name = $k", ("$k", idOrName.TrimStart('/')));
        if (exact.Count > 0) return exact.FirstOrDefault(c => c.Id == idOrName) ?? exact[0];
        if (idOrName.Length == 0 || !idOrName.All(char.IsAsciiHexDigitLower)) return null;
        var byPrefix = Query("SELECT " + Columns + " FROM containers WHERE substr(id, 1, $n) = $k", ("$k", idOrName), ("$n", idOrName.Length));
        if (byPrefix.Count > 1) throw new EngineException($"container ID prefix {idOrName} is ambiguous: it matches {byPrefix.Count} containers; give more characters");
        return byPrefix.FirstOrDefault();
    }

    public ContainerRecord Get(string idOrName) => Find(idOrName) ?? throw new ContainerNotFoundException(idOrName);

    public bool NameExists(string name) => Query("SELECT " + Columns + " FROM containers WHERE name = $k", ("$k", name)).Count > 0;

    /// <summary>SQLite's <c>PRAGMA integrity_check</c>: "ok", else the problems it found, one a line.</summary>
    public string IntegrityCheck()
    {
        using var command = Command("PRAGMA integrity_check", []);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The open connection, shared by <see cref="NetworkStore"/> (networks, endpoints, sandboxes tables).</summary>
    internal SqliteConnection Connection => _connection;
    /// <summary>A column added after the first schema: ALTER TABLE on databases made before it (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private void AddColumn(string definition)
    {
        try
        {
            Execute("ALTER TABLE containers ADD COLUMN " + definition);
        }
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
        {
        }
    }

    private void InTransaction(Action work) => _connection.InTransaction(work);

    private void Execute(string sql, params (string Name, object? Value)[] parameters) => _connection.Execute(sql, parameters);

    private List<ContainerRecord> Query(string sql, params (string Name, object? Value)[] parameters) => _connection.Query(sql, Read, parameters);

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters) => _connection.Command(sql, parameters);

    private static (string, object?)[] Parameters(ContainerRecord c) =>
    [
        ("$id", c.Id), ("$name", c.Name), ("$image", c.Image), ("$image_id", c.ImageId), ("$config", c.Config),
        ("$created", Time(c.Created)), ("$state", c.State), ("$pid", c.Pid), ("$exit_code", c.ExitCode),
        ("$started_at", c.StartedAt is { } s ? Time(s) : null), ("$finished_at", c.FinishedAt is { } f ? Time(f) : null),
        ("$bundle_path", c.BundlePath), ("$log_path", c.LogPath), ("$runtime_path", c.RuntimePath),
        ("$monitor_pid", c.MonitorPid), ("$error", c.Error), ("$restart_count", c.RestartCount),
    ];

    private static ContainerRecord Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0), Name = r.GetString(1), Image = r.GetString(2), ImageId = r.GetString(3), Config = r.GetString(4),
        Created = ParseTime(r.GetString(5)), State = r.GetString(6), Pid = r.GetInt32(7),
        ExitCode = r.IsDBNull(8) ? null : r.GetInt32(8),
        StartedAt = r.IsDBNull(9) ? null : ParseTime(r.GetString(9)),
        FinishedAt = r.IsDBNull(10) ? null : ParseTime(r.GetString(10)),
        BundlePath = r.GetString(11), LogPath = r.GetString(12), RuntimePath = r.GetString(13), MonitorPid = r.GetInt32(14),
        Error = r.IsDBNull(15) ? null : r.GetString(15),
        RestartCount = r.GetInt32(16),
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
