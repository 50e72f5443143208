using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Workflows.Persistence;

/// <summary>
/// Writes one engine operation's rows — the instance, its journal entry, the timers it schedules and cancels — as one
/// command of plain statements on the context's connection and transaction, past EF's change tracker and update
/// pipeline (which cost more per operation than the statements themselves). Tables, columns and value conversions
/// come from the context's model and its provider's type mappings, so the rows are the ones EF would write, on every
/// provider.
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
    /// Writes the rows in the context's current transaction: the instance inserted when <paramref name="isNew"/>,
    /// otherwise updated only if its revision is still <paramref name="revision"/>; the journal entry; the timers
    /// added, and the ones cancelled deleted. False when a row was not where it should be (the revision moved, a
    /// timer already gone): the caller rolls back. A key taken meanwhile (the entry's sequence, an idempotency key)
    /// throws the provider's <see cref="DbException"/>.
    /// </summary>
    public async Task<bool> WriteAsync(DbContext db, WorkflowInstanceRecord record, bool isNew, int revision, WorkflowJournalRecord entry,
        IReadOnlyList<WorkflowTimerRecord> added, IReadOnlyList<Guid> cancelled, CancellationToken ct)
    {
        // The provider's parameters are made by a command of its own; EF runs the statements (its transaction, timeout, interceptors and logging).
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var sql = new StringBuilder();
        if (isNew) _instances.Insert(factory, parameters, sql, "i", record);
        else _instances.Update(factory, parameters, sql, "i", record, revision);
        _journal.Insert(factory, parameters, sql, "j", entry);
        for (var i = 0; i < added.Count; i++) _timers.Insert(factory, parameters, sql, $"t{i}_", added[i]);
        for (var i = 0; i < cancelled.Count; i++) _timers.Delete(factory, parameters, sql, $"c{i}_", cancelled[i]);
        return await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct) == 2 + added.Count + cancelled.Count;
    }

    /// <summary>One table's statements, built from the model: an <c>INSERT</c> of every column the store does not generate, an <c>UPDATE</c> of every column but the key, guarded by the concurrency token if there is one, a <c>DELETE</c> by key.</summary>
    private sealed class Table
    {
        private readonly ISqlGenerationHelper _sql;
        private readonly string _name;
        private readonly IProperty _key;
        private readonly IProperty? _token;
        private readonly IProperty[] _inserted, _updated;
        private readonly ConcurrentDictionary<(char Kind, string Prefix), string> _texts = new();

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
        }

        public void Insert(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object row)
        {
            sql.Append(Text('i', prefix, () =>
                $"INSERT INTO {_name} ({string.Join(", ", _inserted.Select(Column))}) VALUES ({string.Join(", ", _inserted.Select((_, i) => Placeholder(prefix, i)))})"));
            for (var i = 0; i < _inserted.Length; i++) Add(factory, parameters, prefix, i, _inserted[i], _inserted[i].GetGetter().GetClrValue(row));
        }

        public void Update(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object row, object token)
        {
            sql.Append(Text('u', prefix, () =>
                $"UPDATE {_name} SET {string.Join(", ", _updated.Select((p, i) => $"{Column(p)} = {Placeholder(prefix, i)}"))} " +
                $"WHERE {Column(_key)} = {Placeholder(prefix, "key")}{(_token is null ? "" : $" AND {Column(_token)} = {Placeholder(prefix, "token")}")}"));
            for (var i = 0; i < _updated.Length; i++) Add(factory, parameters, prefix, i, _updated[i], _updated[i].GetGetter().GetClrValue(row));
            Add(factory, parameters, prefix, "key", _key, _key.GetGetter().GetClrValue(row));
            if (_token is not null) Add(factory, parameters, prefix, "token", _token, token);
        }

        public void Delete(DbCommand factory, List<DbParameter> parameters, StringBuilder sql, string prefix, object key)
        {
            sql.Append(Text('d', prefix, () => $"DELETE FROM {_name} WHERE {Column(_key)} = {Placeholder(prefix, "key")}"));
            Add(factory, parameters, prefix, "key", _key, key);
        }

        private string Text(char kind, string prefix, Func<string> build) =>
            _texts.GetOrAdd((kind, prefix), _ => build() + _sql.StatementTerminator + "\n");

        private string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName());

        private string Placeholder(string prefix, object suffix) => _sql.GenerateParameterNamePlaceholder(prefix + suffix);

        private void Add(DbCommand factory, List<DbParameter> parameters, string prefix, object suffix, IProperty property, object? value) =>
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, _sql.GenerateParameterName(prefix + suffix), value, property.IsNullable));
    }
}
