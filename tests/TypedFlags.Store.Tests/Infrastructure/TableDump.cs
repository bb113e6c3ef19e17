using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace TypedFlags.Store.Tests.Infrastructure;

/// <summary>Every table of a SQLite file as text: its schema and every row, each value with its storage type, in key order.</summary>
internal static class TableDump
{
    public static string Of(string path)
    {
        var text = new StringBuilder();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new System.Collections.Generic.List<string>();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
            using var row = schema.ExecuteReader();
            while (row.Read())
            {
                text.Append(row.GetString(0)).Append(' ').Append(row.GetString(1)).Append(": ").AppendLine(row.IsDBNull(2) ? "-" : row.GetString(2));
                if (row.GetString(0) == "table")
                {
                    tables.Add(row.GetString(1));
                }
            }
        }

        foreach (var table in tables)
        {
            text.Append("== ").AppendLine(table);
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var row = rows.ExecuteReader();
            while (row.Read())
            {
                for (var i = 0; i < row.FieldCount; i++)
                {
                    text.Append(i == 0 ? string.Empty : " | ")
                        .Append(row.IsDBNull(i) ? "NULL" : row.GetDataTypeName(i) + ":" + System.Convert.ToString(row.GetValue(i), CultureInfo.InvariantCulture));
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
