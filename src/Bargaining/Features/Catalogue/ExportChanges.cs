using System.Globalization;
using System.Text;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows.Persistence;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Catalogue;

/// <summary>The two forms of the catalogue's export: the same records either way.</summary>
public enum ChangeFormat
{
    /// <summary>JSON Lines (.jsonl): one JSON object per line, each valid against <c>docs/schema/bargaining-export.schema.json</c>.</summary>
    JsonLines,
    /// <summary>CSV (.csv): a header of every field of every record type (<see cref="ExportRecords.Fields"/>), a row per record.</summary>
    Csv,
}

/// <summary>
/// The province's export (数据目录): the organisation tree, then the campaigns, rounds, topics, agreed clauses and
/// contracts changed after <paramref name="Since"/> (all when null), each with its change instant. The answer's
/// <see cref="ChangeExport.Cursor"/> is the <paramref name="Since"/> of the next call. Only the city union.
/// </summary>
public sealed record ExportChangesQuery(DateTimeOffset? Since, ChangeFormat Format) : IQuery<ChangeExport>, IAuthorisedRequest
{
    /// <summary>
    /// How long a change may take to commit: the cursor never passes "now minus this", so a save that began before an
    /// export and commits after it is in the next one. A record may come twice; the receiver replaces it by its key.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以导出数据目录");
}

/// <summary>An export: the file, how many records of each type, and the cursor for the next call.</summary>
public sealed record ChangeExport(ExportFile File, IReadOnlyDictionary<string, int> Counts, DateTimeOffset? Cursor);

/// <summary>Validates <see cref="ExportChangesQuery"/>.</summary>
public sealed class ExportChangesQueryValidator : AbstractValidator<ExportChangesQuery>
{
    public ExportChangesQueryValidator() => RuleFor(x => x.Format).IsInEnum().WithMessage("导出格式应为 jsonl 或 csv");
}

/// <summary>The record types and their fields, in the order the CSV's header lists them (the data dictionary's order).</summary>
public static class ExportRecords
{
    public const string Organisation = "organisation", Campaign = "campaign", Round = "round", Topic = "topic", Clause = "clause", Contract = "contract";

    /// <summary>The record types, in the order an export writes them.</summary>
    public static readonly string[] Types = [Organisation, Campaign, Round, Topic, Clause, Contract];

    /// <summary>Every field of every record type, once, in the CSV's order.</summary>
    public static readonly string[] Fields =
    [
        "type", "changedAt",
        "code", "name", "kind", "parentCode", "creditCode", "labourAuthority", "filingAbbreviation",
        "campaignId", "startsOn", "endsOn", "unitCodes",
        "roundId", "enterpriseCreditCode", "enterpriseName", "organisationCode", "roundKind", "procedure", "stage", "outcome", "offeredOn", "createdAt",
        "topicId", "topic", "title", "status", "raisedBy",
        "draft", "sequence", "clause", "number", "unit",
        "termStartsOn", "termEndsOn", "workerSignedAt", "employerSignedAt", "filedOn", "contractNumber", "authority",
    ];

    /// <summary>An instant as exported: UTC, ISO 8601, to the tick.</summary>
    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A day as exported.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One exported record: its fields in <see cref="ExportRecords.Fields"/> order, a value each (text, number or null).</summary>
public sealed class ExportRecord(string type, DateTimeOffset? changedAt) : List<KeyValuePair<string, object?>>
{
    public string Type { get; } = type;
    public DateTimeOffset? ChangedAt { get; } = changedAt;

    /// <summary>Adds a field (a day or an instant is written as <see cref="ExportRecords"/> writes them).</summary>
    public ExportRecord With(string field, object? value)
    {
        Add(new(field, value switch
        {
            DateTimeOffset at => ExportRecords.Instant(at),
            DateOnly day => ExportRecords.Day(day),
            _ => value,
        }));
        return this;
    }
}

/// <summary>Handles <see cref="ExportChangesQuery"/>: a few queries over the rounds changed since the cursor (index on <c>round_progress.ChangedAt</c>).</summary>
public sealed class ExportChangesHandler(BargainingDbContext db, TimeProvider clock) : IRequestHandler<ExportChangesQuery, ChangeExport>
{
    public async Task<ChangeExport> Handle(ExportChangesQuery request, CancellationToken ct)
    {
        var since = request.Since?.ToUniversalTime();
        var records = new List<ExportRecord>();

        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var codes = organisations.ToDictionary(o => o.Id, o => o.Code);
        // The tree is small and every other record names its units by code: it comes whole every time, city first.
        foreach (var o in organisations.OrderBy(o => o.Kind != OrganisationKind.City).ThenBy(o => o.Code, StringComparer.Ordinal))
            records.Add(new ExportRecord(ExportRecords.Organisation, null).With("type", ExportRecords.Organisation).With("changedAt", null)
                .With("code", o.Code).With("name", o.Name).With("kind", CatalogueCodes.OrganisationKinds[o.Kind])
                .With("parentCode", o.ParentId is { } parent ? codes[parent] : null).With("creditCode", o.CreditCode)
                .With("labourAuthority", o.LabourAuthority).With("filingAbbreviation", o.FilingAbbreviation));

        // A campaign does not change once created; there are a few a year, compared here (SQLite compares instants only in UTC).
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Units).ToListAsync(ct);
        foreach (var c in campaigns.Where(c => since is null || c.CreatedAt > since).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            records.Add(Start(ExportRecords.Campaign, c.CreatedAt).With("campaignId", c.Id.ToString()).With("name", c.Name)
                .With("startsOn", c.StartsOn).With("endsOn", c.EndsOn)
                .With("unitCodes", string.Join(";", c.Units.Select(u => codes[u.OrganisationId]).Order(StringComparer.Ordinal))));

        var changed = db.RoundProgress.AsNoTracking().Where(p => since == null || p.ChangedAt > since);
        var rounds = await (from p in changed
                            join r in db.Rounds on p.RoundId equals r.Id
                            join e in db.Enterprises on r.EnterpriseId equals e.Id
                            join w in db.Set<WorkflowInstanceRecord>() on r.WorkflowInstanceId equals w.Id
                            orderby p.ChangedAt, p.RoundId
                            select new
                            {
                                p.RoundId, p.ChangedAt, p.Stage, e.CreditCode, EnterpriseName = e.Name, e.OrganisationId, r.Kind, r.Procedure, w.Outcome, p.OfferedOn, r.CreatedAt,
                                r.Signing.TermStartsOn, r.Signing.TermEndsOn, r.Signing.WorkerSignedAt, r.Signing.EmployerSignedAt,
                                r.Filing.ReceivedOn, r.Filing.ContractNumber, r.Filing.Authority,
                            }).ToListAsync(ct);
        var changedAt = rounds.ToDictionary(r => r.RoundId, r => r.ChangedAt);
        var topics = (await (from p in changed join t in db.Topics on p.RoundId equals t.RoundId select t).AsNoTracking().ToListAsync(ct)).ToLookup(t => t.RoundId);
        var clauses = (await (from p in changed
                              join c in db.DraftClauses on p.RoundId equals c.RoundId
                              where c.Draft == db.DraftClauses.Where(d => d.RoundId == c.RoundId).Max(d => d.Draft)
                              select c).AsNoTracking().ToListAsync(ct)).ToLookup(c => c.RoundId);

        foreach (var r in rounds)
        {
            var round = r.RoundId.ToString();
            records.Add(Start(ExportRecords.Round, r.ChangedAt).With("roundId", round).With("enterpriseCreditCode", r.CreditCode).With("enterpriseName", r.EnterpriseName)
                .With("organisationCode", codes[r.OrganisationId]).With("roundKind", CatalogueCodes.RoundKinds[r.Kind]).With("procedure", CatalogueCodes.Procedures[r.Procedure])
                .With("stage", CatalogueCodes.Stages[r.Stage]).With("outcome", r.Outcome).With("offeredOn", r.OfferedOn).With("createdAt", r.CreatedAt));
            foreach (var t in topics[r.RoundId].OrderBy(t => t.Id))
                records.Add(Start(ExportRecords.Topic, r.ChangedAt).With("roundId", round).With("topicId", t.Id.ToString()).With("topic", t.Code).With("title", t.Title)
                    .With("status", CatalogueCodes.TopicStatuses[t.Status]).With("raisedBy", CatalogueCodes.Sides[t.RaisedBy]));
            foreach (var c in clauses[r.RoundId].OrderBy(c => c.Sequence))
                records.Add(Start(ExportRecords.Clause, r.ChangedAt).With("roundId", round).With("topicId", c.TopicId.ToString()).With("draft", c.Draft).With("sequence", c.Sequence)
                    .With("title", c.Title).With("clause", c.Clause).With("number", c.Number).With("unit", c.Unit));
            if (r.WorkerSignedAt is not null || r.EmployerSignedAt is not null || r.TermStartsOn is not null)
                records.Add(Start(ExportRecords.Contract, r.ChangedAt).With("roundId", round).With("termStartsOn", r.TermStartsOn).With("termEndsOn", r.TermEndsOn)
                    .With("workerSignedAt", r.WorkerSignedAt).With("employerSignedAt", r.EmployerSignedAt).With("filedOn", r.ReceivedOn)
                    .With("contractNumber", r.ContractNumber).With("authority", r.Authority));
        }

        var latest = records.Select(x => x.ChangedAt).Max();
        var settled = clock.GetUtcNow() - ExportChangesQuery.Settle;
        DateTimeOffset? cursor = latest is null ? since : latest < settled ? latest : since is { } s && s > settled ? s : settled;
        var name = $"数据目录_{(since is { } from ? ExportRecords.Instant(from).Replace(':', '-') : "全量")}";
        var file = request.Format == ChangeFormat.Csv
            ? new ExportFile(name + ".csv", "text/csv; charset=utf-8", Csv(records))
            : new ExportFile(name + ".jsonl", "application/jsonl; charset=utf-8", JsonLines(records));
        return new ChangeExport(file, ExportRecords.Types.ToDictionary(t => t, t => records.Count(x => x.Type == t)), cursor);
    }

    private static ExportRecord Start(string type, DateTimeOffset changedAt) => new ExportRecord(type, changedAt).With("type", type).With("changedAt", changedAt);

    private static byte[] JsonLines(IEnumerable<ExportRecord> records)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var record in records)
        {
            using (var json = new Utf8JsonWriter(stream, options))
            {
                json.WriteStartObject();
                foreach (var (field, value) in record)
                {
                    json.WritePropertyName(field);
                    switch (value)
                    {
                        case null: json.WriteNullValue(); break;
                        case int i: json.WriteNumberValue(i); break;
                        case decimal d: json.WriteNumberValue(d); break;
                        default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                    }
                }
                json.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }

    private static byte[] Csv(IEnumerable<ExportRecord> records)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, TableWriter.CsvEncoding))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var field in ExportRecords.Fields) csv.WriteField(field);
            csv.NextRecord();
            foreach (var record in records)
            {
                var values = record.ToDictionary(p => p.Key, p => p.Value);
                foreach (var field in ExportRecords.Fields)
                    csv.WriteField(values.GetValueOrDefault(field) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
