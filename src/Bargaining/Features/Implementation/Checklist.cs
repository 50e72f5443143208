using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Table;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>A contract's checklist (履约清单) with every check and dispute, for anyone who may read the round.</summary>
public sealed record ChecklistQuery(Guid RoundId) : IQuery<Checklist>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>A contract's checklist.</summary>
/// <param name="Effective">The contract is in effect: obligations may be derived, added and checked.</param>
/// <param name="Derived">The checklist has been drawn up from the clauses.</param>
/// <param name="Unread">The clauses nothing could be read from, to be added by hand if they promise something.</param>
/// <param name="Years">The years of the term, for the annual report.</param>
public sealed record Checklist(Guid RoundId, string Enterprise, string ContractTitle, DateOnly? TermStartsOn, DateOnly? TermEndsOn, bool Effective, bool Derived,
    DateOnly Today, IReadOnlyList<ObligationView> Obligations, IReadOnlyList<DraftClauseView> Unread, IReadOnlyList<int> Years)
{
    /// <summary>Obligations whose last check found them unmet.</summary>
    public int UnmetCount => Obligations.Count(o => o.Unmet);
}

/// <summary>One obligation with its checks (newest first) and its dispute, if raised.</summary>
public sealed record ObligationView(Guid Id, int Sequence, int? ClauseSequence, string Title, string Requirement, string Basis, DateOnly DueOn, bool Manual,
    CheckOutcome? LastOutcome, bool Unmet, bool Overdue, IReadOnlyList<CheckView> Checks, DisputeView? Dispute)
{
    /// <summary>What the list shows for it: the last outcome, 逾期未检查 or 待检查.</summary>
    public string Status => LastOutcome?.Chinese() ?? (Overdue ? "逾期未检查" : "待检查");
}

/// <summary>One check.</summary>
public sealed record CheckView(Guid Id, CheckOutcome Outcome, string? Note, DateOnly CheckedOn, string By, string? AttachmentName);

/// <summary>A performance dispute (Art 55).</summary>
public sealed record DisputeView(Guid Id, string Claim, DateOnly RaisedOn, string RaisedBy);

/// <summary>Handles <see cref="ChecklistQuery"/>.</summary>
public sealed class ChecklistHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<ChecklistQuery, Checklist>
{
    public async Task<Checklist> Handle(ChecklistQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == request.RoundId, ct);
        var enterprise = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var effective = RoundStages.Of(await workflow.SnapshotAsync(round, ct)) == RoundStage.Effective;
        var today = workflow.Today(round);
        var obligations = await db.Set<Obligation>().AsNoTracking().Where(o => o.RoundId == round.Id).OrderBy(o => o.DueOn).ThenBy(o => o.Sequence).ToListAsync(ct);
        var checks = (await db.Set<ObligationCheck>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct))
            .ToLookup(c => c.ObligationId);
        var disputes = await db.Set<PerformanceDispute>().AsNoTracking().Where(d => d.RoundId == round.Id).ToDictionaryAsync(d => d.ObligationId, ct);
        var derived = obligations.Any(o => !o.Manual);
        IReadOnlyList<DraftClauseView> unread = [];
        if (derived && round.Signing is { TermStartsOn: { } starts, TermEndsOn: { } ends })
            unread = ObligationDerivation.Derive(await Implementation.ClausesAsync(db, round, ct), starts, ends).Unread;
        var years = round.Signing is { TermStartsOn: { } s, TermEndsOn: { } e } ? Enumerable.Range(s.Year, e.Year - s.Year + 1).ToList() : [];
        return new Checklist(round.Id, enterprise, Implementation.ContractTitle(enterprise, round.Kind), round.Signing.TermStartsOn, round.Signing.TermEndsOn,
            effective, derived, today,
            [.. obligations.Select(o => new ObligationView(o.Id, o.Sequence, o.ClauseSequence, o.Title, o.Requirement, o.Basis, o.DueOn, o.Manual, o.LastOutcome, o.Unmet,
                o.OverdueOn(today),
                [.. checks[o.Id].OrderByDescending(c => c.At).Select(c => new CheckView(c.Id, c.Outcome, c.Note, c.CheckedOn, c.By, c.AttachmentName))],
                disputes.TryGetValue(o.Id, out var d) ? new DisputeView(d.Id, d.Claim, d.RaisedOn, d.RaisedBy) : null))],
            unread, years);
    }
}
