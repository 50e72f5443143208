using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Change;

/// <summary>How a clause differs between two versions of a contract.</summary>
public enum ClauseChange
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>One clause of a redline: its number in each version (null where it is not), its title, how it differs, and its text marked run by run.</summary>
public sealed record RedlineClause(int? OldNumber, int? NewNumber, string Title, ClauseChange Change, IReadOnlyList<DiffRun> Runs);

/// <summary>A clause-by-clause comparison of two versions of a contract, the older first.</summary>
public sealed record Redline(Guid FromRoundId, Guid ToRoundId, string FromName, string ToName, IReadOnlyList<RedlineClause> Clauses)
{
    /// <summary>How many clauses differ in <paramref name="change"/>.</summary>
    public int Count(ClauseChange change) => Clauses.Count(c => c.Change == change);
}

/// <summary>
/// The redline (对照) of a round's contract version against another version of the same enterprise's contract of the
/// same kind: by default the version it changes (变更, Art 39–41) or renews (续签, Art 38); null when there is none.
/// Clauses are matched by topic; the changed words are marked character by character (<see cref="TextDiff"/>).
/// </summary>
public sealed record RedlineQuery(Guid RoundId, Guid? AgainstRoundId = null) : IQuery<Redline?>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>Handles <see cref="RedlineQuery"/>.</summary>
public sealed class RedlineHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<RedlineQuery, Redline?>
{
    public Task<Redline?> Handle(RedlineQuery request, CancellationToken cancellationToken) =>
        Redlines.OfAsync(db, workflow, request.RoundId, request.AgainstRoundId, cancellationToken);
}

/// <summary>Builds redlines, for the query and the printed annex.</summary>
public static class Redlines
{
    /// <summary>The redline of <paramref name="roundId"/> against <paramref name="againstId"/>, or the version it changes or renews; null when there is none.</summary>
    public static async Task<Redline?> OfAsync(BargainingDbContext db, RoundWorkflow workflow, Guid roundId, Guid? againstId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw DomainException.NotFound("该轮协商");
        if ((againstId ?? round.Change.AmendsRoundId ?? round.Renewal.RenewsRoundId) is not { } otherId) return null;
        var against = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == otherId, ct) ?? throw DomainException.NotFound("对照的合同版本");
        if (against.EnterpriseId != round.EnterpriseId || against.Kind != round.Kind)
            throw DomainException.Rule("redline.other-contract", "只能对照同一企业同类集体合同的不同版本");
        // The older version is the base: a redline reads from what was to what is.
        var (from, to) = against.CreatedAt <= round.CreatedAt ? (against, round) : (round, against);
        var clauses = Compare(await ContractVersions.ClausesAsync(db, from.Id, ct), await ContractVersions.ClausesAsync(db, to.Id, ct));
        return new Redline(from.Id, to.Id, Name(workflow, from), Name(workflow, to), clauses);
    }
    /// <summary>Each clause of <paramref name="to"/> in order, the clauses only <paramref name="from"/> has where they stood.</summary>
    public static IReadOnlyList<RedlineClause> Compare(IReadOnlyList<VersionClause> from, IReadOnlyList<VersionClause> to)
    {
        var old = from.GroupBy(c => (c.Code, c.Title)).ToDictionary(g => g.Key, g => g.First());
        var kept = to.Select(c => (c.Code, c.Title)).ToHashSet();
        var result = new List<RedlineClause>();
        var next = 0;
        void RemovedUpTo(int end)
        {
            for (; next < end; next++)
                if (!kept.Contains((from[next].Code, from[next].Title)))
                    result.Add(new RedlineClause(from[next].Number, null, from[next].Title, ClauseChange.Removed, [new DiffRun(DiffKind.Removed, from[next].Clause)]));
        }
        foreach (var clause in to)
        {
            if (!old.TryGetValue((clause.Code, clause.Title), out var was))
            {
                result.Add(new RedlineClause(null, clause.Number, clause.Title, ClauseChange.Added, [new DiffRun(DiffKind.Added, clause.Clause)]));
                continue;
            }
            RemovedUpTo(Math.Max(next, IndexOf(from, was) + 1));
            result.Add(was.Clause == clause.Clause
                ? new RedlineClause(was.Number, clause.Number, clause.Title, ClauseChange.Unchanged, [new DiffRun(DiffKind.Same, clause.Clause)])
                : new RedlineClause(was.Number, clause.Number, clause.Title, ClauseChange.Changed, TextDiff.Compare(was.Clause, clause.Clause)));
        }
        RemovedUpTo(from.Count);
        return result;
    }

    private static int IndexOf(IReadOnlyList<VersionClause> clauses, VersionClause clause)
    {
        for (var i = 0; i < clauses.Count; i++) if (ReferenceEquals(clauses[i], clause)) return i;
        return -1;
    }

    private static string Name(RoundWorkflow workflow, Round round)
    {
        var on = workflow.Profile(round).Time.LocalDate(round.CreatedAt);
        var what = round.Change.AmendsRoundId is not null ? "变更后的合同" : round.Renewal.RenewsRoundId is not null ? "续订的合同" : "原合同";
        return $"{what}（{on:yyyy年M月d日}发起）";
    }
}
