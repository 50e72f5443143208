using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>
/// An enterprise runs one round of a kind at a time: a second wage round while one is at the table would give two
/// offers, two drafts and two contracts for the same matter. Checked before a round is started, and held by a unique
/// index over <see cref="Round.Running"/> when two starts race.
/// </summary>
public static class RunningRounds
{
    /// <summary>The unique index over (enterprise, kind) of the running rounds.</summary>
    public const string IndexName = "ix_rounds_running";

    /// <summary>Refuses, as <paramref name="code"/>, a new round of <paramref name="kind"/> while one runs, naming its stage.</summary>
    public static async Task EnsureNoneAsync(BargainingDbContext db, RoundWorkflow workflow, Enterprise enterprise, RoundKind kind, string code, CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseId == enterprise.Id && r.Kind == kind && r.Running, ct) is { } running)
            throw await RefusalAsync(workflow, enterprise, running, code, ct);
    }

    /// <summary>
    /// The refusal <see cref="EnsureNoneAsync"/> would give now for a new round of <paramref name="kind"/> of
    /// <paramref name="enterpriseId"/>, leaving <paramref name="besides"/> out (the round the new one replaces), or null:
    /// what the actions query shows before the command is tried.
    /// </summary>
    public static async Task<DomainException?> RefusalIfAnyAsync(BargainingDbContext db, RoundWorkflow workflow, Guid enterpriseId, RoundKind kind, string code, Guid besides, CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseId == enterpriseId && r.Kind == kind && r.Running && r.Id != besides, ct) is not { } running) return null;
        return await RefusalAsync(workflow, await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == enterpriseId, ct), running, code, ct);
    }

    /// <summary>The running rounds of <paramref name="kind"/> of <paramref name="enterpriseIds"/>, by enterprise, read in one query (a bulk launch).</summary>
    public static Task<Dictionary<Guid, Round>> OfAsync(BargainingDbContext db, IReadOnlyCollection<Guid> enterpriseIds, RoundKind kind, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => enterpriseIds.Contains(r.EnterpriseId) && r.Kind == kind && r.Running).ToDictionaryAsync(r => r.EnterpriseId, ct);

    /// <summary>The refusal, as <paramref name="code"/>, of a new round while <paramref name="running"/> runs, naming its stage.</summary>
    public static async Task<DomainException> RefusalAsync(RoundWorkflow workflow, Enterprise enterprise, Round running, string code, CancellationToken ct)
    {
        var snapshot = await workflow.SnapshotAsync(running, ct);
        var steps = string.Join("、", snapshot.Steps.Select(s => s.Name));
        return DomainException.Conflict(code,
            $"{enterprise.Name}已有一轮{running.Kind.Chinese()}协商正在进行（{RoundStages.Of(snapshot).Chinese()}：{steps}），同类协商不能同时进行，请在该轮结束后再发起");
    }

    /// <summary>Adds <paramref name="round"/> and saves it now, so a round of its kind started meanwhile is refused here, in Chinese.</summary>
    public static async Task AddAsync(BargainingDbContext db, Enterprise enterprise, Round round, string code, CancellationToken ct)
    {
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsRunningIndex(e))
        {
            db.Entry(round).State = EntityState.Detached;
            throw DomainException.Conflict(code, $"{enterprise.Name}刚刚发起了另一轮{round.Kind.Chinese()}协商，同类协商不能同时进行");
        }
    }

    /// <summary>The save broke <see cref="IndexName"/>: a round of the kind was started meanwhile. SQLite names the columns of the violated index; PostgreSQL gives the index name.</summary>
    public static bool IsRunningIndex(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteExtendedErrorCode: 2067 } sqlite => sqlite.Message.Contains("rounds.EnterpriseId", StringComparison.Ordinal),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName == IndexName,
        _ => false,
    };
}
