using System.Data;
using System.Data.Common;

namespace Search.Core.Archive;

/// <summary>
/// Parameters written once for both archives: <c>@name</c> is a named parameter to SQLite and to Npgsql
/// alike, and a parameter with its type declared can be prepared by both before its value is known.
/// </summary>
internal static class SqlCommands
{
    public static DbCommand Command(this DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter of <paramref name="type"/> whose value is set later.</summary>
    public static DbParameter Parameter(this DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter with its value (null as SQL NULL) and returns the command.</summary>
    public static DbCommand With(this DbCommand command, string name, string? value)
    {
        command.Parameter(name, DbType.String).Value = (object?)value ?? DBNull.Value;
        return command;
    }

    /// <inheritdoc cref="With(DbCommand, string, string?)"/>
    public static DbCommand With(this DbCommand command, string name, long value)
    {
        command.Parameter(name, DbType.Int64).Value = value;
        return command;
    }

    /// <summary>Adds the first column of every row the command gives, as text, to <paramref name="into"/>.</summary>
    public static void ReadFirstColumnInto(this DbCommand command, ICollection<string> into)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
            into.Add(reader.GetString(0));
    }

    /// <summary>
    /// The distinct <paramref name="ids"/> in runs of at most 500, each with the <c>@i0, @i1, …</c> list a statement
    /// names them by (<c>… IN (list)</c>) and the parameters to give it (<see cref="WithIds"/>): SQLite takes at most
    /// 32,766 parameters to a statement, PostgreSQL 65,535.
    /// </summary>
    public static IEnumerable<(string[] Ids, string List)> IdLists(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Chunk(500)
            .Select(slice => (slice, string.Join(',', Enumerable.Range(0, slice.Length).Select(IdParameter))));

    /// <summary>Gives the ids of one of <see cref="IdLists"/>'s runs to the command that names them.</summary>
    public static DbCommand WithIds(this DbCommand command, string[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
            command.With(IdParameter(i), ids[i]);
        return command;
    }

    private static string IdParameter(int index) => "@i" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first column of the first row as a number (SQLite and PostgreSQL give counts in different types).</summary>
    public static long ScalarInt64(this DbCommand command) => Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public static void Execute(this DbConnection connection, string sql)
    {
        using var command = connection.Command(sql);
        command.ExecuteNonQuery();
    }
}
