using Microsoft.Data.Sqlite;

namespace Berth.Engine.State;

/// <summary>
/// The few ways the engine's stores (containers, volumes, networks) talk to their shared SQLite connection:
/// a parameterised command, a statement, rows read by a function, and a BEGIN IMMEDIATE transaction.
/// </summary>
internal static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static void Execute(this SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public static List<T> Query<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }

    /// <summary>Runs <paramref name="work"/> holding the database's write lock (BEGIN IMMEDIATE), committing when it returns.</summary>
    public static T InTransaction<T>(this SqliteConnection connection, Func<T> work)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        T result = work();
        transaction.Commit();
        return result;
    }

    public static void InTransaction(this SqliteConnection connection, Action work) =>
        connection.InTransaction(() => { work(); return true; });
}
