using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Benchmarks;

/// <summary>Runs pragmas each time EF opens a connection: how the analysis rows try a setting without touching <c>src/</c>.</summary>
internal sealed class ConnectionPragma(string pragmas) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }
}
