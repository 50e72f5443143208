using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Workflows.Persistence;

/// <summary>
/// Reads an instance, and writes one engine operation's rows — the instance, its journal entry, the timers it
/// schedules and cancels — as one command of plain statements on the context's connection and transaction, past EF's
/// change tracker and update pipeline (which cost more per operation than the statements themselves), with the
/// commands kept prepared on the open connection. Tables, columns and value conversions come from the context's model
/// and its provider's type mappings, so the rows are the ones EF would write, on every provider.
/// </summary>
internal sealed class WorkflowRows
{
    private static readonly ConditionalWeakTable<IModel, WorkflowRows> PerModel = [];

    private readonly Table _instances, _journal, _timers;

    private WorkflowRows(IModel model, ISqlGenerationHelper sql)
    {
        _instances = new Table(model.FindEntityType(typeof(WorkflowInstanceRecord))!, sql);
        _journal = new Table(model.FindEntityType(typeof(WorkflowJournalRecord))!, sql);
        _timers = new Table(model.FindEntityType(typeof(WorkflowTimerRecord))!, sql);
    }

    /// <summary>The writer for a context's model (one per model: the statements are built once).</summary>
    public static WorkflowRows Of(DbContext db) => PerModel.GetValue(db.Model, _ => new WorkflowRows(db.Model, db.GetService<ISqlGenerationHelper>()));

    /// <summary>
    /// The statements that write an event's rows: the instance inserted when <paramref name="isNew"/>, otherwise
    /// updated only if its revision is still <paramref name="revision"/>; the journal entry; the timers added, and the
    /// ones cancelled deleted. Built before the write transaction begins, so the database's one writer waits for none of it.
    /// </summary>
    public Rows Prepare(DbContext db, WorkflowInstanceRecord record, bool isNew, int revision, WorkflowJournalRecord entry,
        IReadOnlyList<WorkflowTimerRecord> added, IReadOnlyList<Guid> cancelled)
    {
        // The provider's parameters are made by a command of its own; EF runs the statements (its transaction, timeout, interceptors and logging).
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var sql = new StringBuilder();
        if (isNew) _instances.Insert(factory, parameters, sql, "i", record);
        else _instances.Update(factory, parameters, sql, "i", record, revision);
        _journal.Insert(factory, parameters, sql, "j", entry);
        for (var i = 0; i < added.Count; i++) _timers.Insert(factory, parameters, sql, $"t{i}_", added[i]);
        for (var i = 0; i < cancelled.Count; i++) _timers.Delete(factory, parameters, sql, $"c{i}_", cancelled[i]);
        return new Rows(sql.ToString(), parameters, 2 + added.Count + cancelled.Count);
    }

    /// <summary>An event's statements with their parameters, and how many rows they must change.</summary>
    internal sealed record Rows(string Sql, IReadOnlyList<DbParameter> Parameters, int Count)
    {
        /// <summary>
        /// Runs the statements in the context's current transaction. False when a row was not where it should be (the
        /// revision moved, a timer already gone): the caller rolls back. A key taken meanwhile (the entry's sequence, an
        /// idempotency key) throws the provider's <see cref="DbException"/>.
        /// </summary>
        public Task<bool> WriteAsync(DbContext db, CancellationToken ct) =>
            RunAsync(db, Sql, Parameters, async command => await command.ExecuteNonQueryAsync(ct) == Count);
    }

    /// <summary>
    /// The instance with this id, untracked (the engine writes its rows itself), read by one <c>SELECT</c> of its
    /// columns and a reader compiled from the model's type mappings. Its values as read are remembered, so its update
    /// sets only the columns that changed. The connection must be open.
    /// </summary>
    public async Task<WorkflowInstanceRecord?> LoadAsync(DbContext db, Guid id, CancellationToken ct)
    {
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        return await RunAsync(db, _instances.SelectByKey(factory, parameters, "s", id), parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            var record = (WorkflowInstanceRecord)_instances.Read(reader);
            _instances.Remember(record);
            return record;
        });
    }

    /// <summary>
    /// Runs <paramref name="run"/> on the command for <paramref name="sql"/> kept on the context's open connection, in
    /// the context's transaction, with <paramref name="parameters"/> (taken off again afterwards): the provider prepares its statements on first use and keeps them prepared while
    /// the connection stays open, which the engine's connection does from one operation to the next (see
    /// <c>ConnectedAsync</c>). On SQLite compiling them anew took about 40 µs of an operation's 350 (docs/benchmarks.md). The commands
    /// run on the connection directly: EF's command logging and interceptors do not see them.
    /// </summary>
    private static async Task<T> RunAsync<T>(DbContext db, string sql, IReadOnlyList<DbParameter> parameters, Func<DbCommand, Task<T>> run)
    {
        var connection = db.Database.GetDbConnection();
        var commands = KeptCommands.GetValue(connection, Forgotten);
        if (!commands.TryGetValue(sql, out var command))
        {
            if (commands.Count >= MaxKeptCommands) Forget(commands);
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }
        if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        try
        {
            return await run(command);
        }
        finally
        {
            command.Parameters.Clear();
        }
    }

    /// <summary>The commands kept per connection; forgotten (and their statements released) when it closes.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> KeptCommands = [];

    /// <summary>
    /// More than the distinct statements of every kind of event (an insert or an update of each set of changed columns,
    /// with the timers it adds and cancels): a definition with unusual events cannot grow the set without bound.
    /// </summary>
    private const int MaxKeptCommands = 64;

    private static Dictionary<string, DbCommand> Forgotten(DbConnection connection)
    {
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != System.Data.ConnectionState.Open) Forget(commands);
        };
        return commands;
    }

    private static void Forget(Dictionary<string, DbCommand> commands)
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }

    /// <summary>One table's statements, built from the model: an <c>INSERT</c> of every column the store does not generate, an <c>UPDATE</c> of every column but the key, guarded by the concurrency token if there is one, a <c>DELETE</c> by key.</summary>
    private sealed class Table
    {
        private readonly ISqlGenerationHelper _sql;
        private readonly string _name;
        private readonly IProperty _key;
        private readonly IProperty? _token;
        private readonly IProperty[] _inserted, _updated, _all;
        private readonly IEntityType _entity;
        private readonly ConcurrentDictionary<(char Kind, string Prefix, ulong Columns), string> _texts = new();

        public Table(IEntityType entity, ISqlGenerationHelper sql)
        {
            _sql = sql;
            _name = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            _key = entity.FindPrimaryKey()!.Properties.Single();
            _token = entity.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken);
            // A key the store generates (the journal's integer id) is left to it; a GUID key is the client's.
            var generated = _key.ValueGenerated == ValueGenerated.OnAdd && _key.ClrType == typeof(long);
            _inserted = [.. entity.GetProperties().Where(p => !(generated && p == _key))];
            _updated = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey())];
            _all = [.. entity.GetProperties()];
            _entity = entity;
        }

        public void Insert(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object row)
        {
            sql.Append(Text('i', prefix, () =>
                $"INSERT INTO {_name} ({string.Join(", ", _inserted.Select(Column))}) VALUES ({string.Join(", ", _inserted.Select((_, i) => Placeholder(prefix, i)))})"));
            for (var i = 0; i < _inserted.Length; i++) Add(factory, parameters, prefix, i, _inserted[i], _inserted[i].GetGetter().GetClrValue(row));
        }

        /// <summary>
        /// Sets the columns whose values differ from those the row was read with (<see cref="Remember"/>; all of them for
        /// a row not read here): an unchanged column in the <c>SET</c> list would still rewrite its indexes' entries,
        /// a page each in every commit (the instance's business key and its definition and status).
        /// </summary>
        public void Update(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object row, object token)
        {
            var read = _readValues.TryGetValue(row, out var values) ? values : null;
            var changed = 0UL;
            for (var i = 0; i < _updated.Length; i++)
                if (read is null || !Equals(read[i], _updated[i].GetGetter().GetClrValue(row))) changed |= 1UL << i;
            sql.Append(Text('u', prefix, () =>
                $"UPDATE {_name} SET {string.Join(", ", _updated.Select((p, i) => (p, i)).Where(c => (changed & 1UL << c.i) != 0).Select(c => $"{Column(c.p)} = {Placeholder(prefix, c.i)}"))} " +
                $"WHERE {Column(_key)} = {Placeholder(prefix, "key")}{(_token is null ? "" : $" AND {Column(_token)} = {Placeholder(prefix, "token")}")}", changed));
            for (var i = 0; i < _updated.Length; i++)
                if ((changed & 1UL << i) != 0) Add(factory, parameters, prefix, i, _updated[i], _updated[i].GetGetter().GetClrValue(row));
            Add(factory, parameters, prefix, "key", _key, _key.GetGetter().GetClrValue(row));
            if (_token is not null) Add(factory, parameters, prefix, "token", _token, token);
        }

        /// <summary>Keeps the values <paramref name="row"/> was read with, for its update (<see cref="Update"/>).</summary>
        public void Remember(object row) => _readValues.AddOrUpdate(row, [.. _updated.Select(p => p.GetGetter().GetClrValue(row))]);

        private readonly ConditionalWeakTable<object, object?[]> _readValues = [];

        public void Delete(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object key)
        {
            sql.Append(Text('d', prefix, () => $"DELETE FROM {_name} WHERE {Column(_key)} = {Placeholder(prefix, "key")}"));
            Add(factory, parameters, prefix, "key", _key, key);
        }

        public string SelectByKey(DbCommand factory, List<DbParameter> parameters, string prefix, object key)
        {
            Add(factory, parameters, prefix, "key", _key, key);
            return Text('s', prefix, () => $"SELECT {string.Join(", ", _all.Select(Column))} FROM {_name} WHERE {Column(_key)} = {Placeholder(prefix, "key")}");
        }

        /// <summary>The row at the reader, materialised by <see cref="Materializer"/>.</summary>
        public object Read(DbDataReader reader) => (_read ??= Materializer())(reader);

        /// <summary>
        /// Reads each column of <see cref="SelectByKey"/> the way EF does: the type mapping's reader method, then its
        /// value converter, null for a null in a nullable column.
        /// </summary>
        private Func<DbDataReader, object> Materializer()
        {
            var reader = Expression.Parameter(typeof(DbDataReader), "reader");
            var isNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
            var bindings = _all.Select((property, i) =>
            {
                var mapping = property.GetRelationalTypeMapping();
                Expression value = mapping.CustomizeDataReaderExpression(Expression.Call(reader, mapping.GetDataReaderMethod(), Expression.Constant(i)));
                if (mapping.Converter is { } converter)
                    value = Expression.Invoke(converter.ConvertFromProviderExpression, value.Type == converter.ProviderClrType ? value : Expression.Convert(value, converter.ProviderClrType));
                if (value.Type != property.ClrType) value = Expression.Convert(value, property.ClrType);
                if (property.IsNullable)
                    value = Expression.Condition(Expression.Call(reader, isNull, Expression.Constant(i)), Expression.Default(property.ClrType), value);
                return (MemberBinding)Expression.Bind(property.PropertyInfo!, value);
            });
            var row = Expression.MemberInit(Expression.New(_entity.ClrType), bindings);
            return Expression.Lambda<Func<DbDataReader, object>>(Expression.Convert(row, typeof(object)), reader).Compile();
        }

        private Func<DbDataReader, object>? _read;

        private string Text(char kind, string prefix, Func<string> build, ulong columns = 0) =>
            _texts.GetOrAdd((kind, prefix, columns), _ => build() + _sql.StatementTerminator + "\n");

        private string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName());

        private string Placeholder(string prefix, object suffix) => _sql.GenerateParameterNamePlaceholder(prefix + suffix);

        private void Add(DbCommand factory, List<DbParameter> parameters, string prefix, object suffix, IProperty property, object? value) =>
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, _sql.GenerateParameterName(prefix + suffix), value, property.IsNullable));
    }
}
