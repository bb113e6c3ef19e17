using System.Text;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql.Tests.Infrastructure;

/// <summary>Every row of the store's tables as text, to show that a rejected write changed nothing.</summary>
internal static class TableDump
{
    public static async Task<string> OfAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var query in new[]
        {
            "SELECT key, override, revision, updated_at, actor FROM typedflags_overrides ORDER BY key",
            "SELECT revision, at, actor, reason, key, before, after FROM typedflags_audit ORDER BY revision",
            "SELECT version, description, applied_at FROM typedflags_migrations ORDER BY version",
        })
        {
            text.AppendLine(query);
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString()).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
