using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Progress;

/// <summary>
/// The dashboard's figures as the product computed them before <see cref="RoundProgress"/>: every enterprise, round,
/// agreed pay topic, meeting and workflow of the scope loaded and described in memory. Kept here only as the reference
/// the summary-based <see cref="ProgressFigures"/> must agree with (and as the benchmark's baseline).
/// </summary>
public sealed class InMemoryProgressFigures(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow)
{
    private sealed record Fact(Round Round, Enterprise Enterprise, RoundStage Stage, OverdueRound? Overdue, bool SinceCampaign, bool Met);

    /// <summary>
    /// The figures of <paramref name="units"/>. Offers, signatures and the funnel count the rounds whose offer was
    /// made on or after <paramref name="since"/> (all offers when null); the rest counts every round.
    /// </summary>
    public async Task<IReadOnlyList<UnitProgress>> ComputeAsync(IReadOnlyList<Organisation> units, DateOnly? since, CancellationToken ct) =>
        (await ComputeAsync(units, since, total: null, ct)).Units;

    /// <summary>
    /// The figures of <paramref name="unit"/> counting only the enterprises currently assigned to the instructor
    /// <paramref name="instructorUserId"/> — the scope of that instructor's enterprise and round lists.
    /// </summary>
    public async Task<UnitProgress> ComputeForInstructorAsync(Organisation unit, string instructorUserId, CancellationToken ct) =>
        (await ComputeAsync([unit], since: null, total: null, ct, instructorUserId)).Units.Single();

    /// <summary>
    /// As <see cref="ComputeAsync(IReadOnlyList{Organisation}, DateOnly?, CancellationToken)"/>, plus the figures of
    /// the units in <paramref name="total"/> taken together under <paramref name="total"/>'s name (medians from every
    /// rise, not from the units' medians).
    /// </summary>
    public async Task<(IReadOnlyList<UnitProgress> Units, UnitProgress? Total)> ComputeAsync(IReadOnlyList<Organisation> units, DateOnly? since,
        (Organisation As, IReadOnlySet<Guid> Units)? total, CancellationToken ct) => await ComputeAsync(units, since, total, ct, instructorUserId: null);

    private async Task<(IReadOnlyList<UnitProgress> Units, UnitProgress? Total)> ComputeAsync(IReadOnlyList<Organisation> units, DateOnly? since,
        (Organisation As, IReadOnlySet<Guid> Units)? total, CancellationToken ct, string? instructorUserId)
    {
        var unitIds = units.Select(u => u.Id).ToList();
        var scope = db.Enterprises.AsNoTracking().Where(e => unitIds.Contains(e.OrganisationId));
        if (instructorUserId is not null)
            scope = scope.Where(e => db.InstructorAssignments.Any(a => a.EnterpriseId == e.Id && a.EndedAt == null && a.InstructorUserId == instructorUserId));
        var enterprises = await scope.ToDictionaryAsync(e => e.Id, ct);
        var ids = enterprises.Keys.ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => ids.Contains(r.EnterpriseId)).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var wageRises = (await db.Topics.AsNoTracking().Include(t => t.Positions)
                .Where(t => roundIds.Contains(t.RoundId) && t.Code == TopicCatalog.Pay && t.Status == TopicStatus.Agreed).ToListAsync(ct))
            .Where(t => t.Last is { Unit: "%", Number: not null })
            .ToLookup(t => t.RoundId, t => t.Last.Number!.Value);
        var met = (await db.Meetings.AsNoTracking().Where(m => roundIds.Contains(m.RoundId)).Select(m => m.RoundId).Distinct().ToListAsync(ct)).ToHashSet();

        var workflows = await engine.DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)], ct);
        var facts = new List<Fact>();
        foreach (var round in rounds)
        {
            var state = workflows.GetValueOrDefault(round.WorkflowInstanceId) ?? throw new InvalidOperationException($"round {round.Id} has no workflow instance");
            var today = workflow.Today(round);
            var enterprise = enterprises[round.EnterpriseId];
            var overdue = RoundStages.Overdue(state, today) is { } o
                ? new OverdueRound(round.Id, enterprise.Name, o.Step, o.LastDay, today.DayNumber - o.LastDay.DayNumber)
                : null;
            var offeredOn = round.Offer.MadeAt is { } at ? workflow.Profile(round).Time.LocalDate(at) : (DateOnly?)null;
            facts.Add(new Fact(round, enterprise, RoundStages.Of(state.Snapshot), overdue, offeredOn is { } day && (since is null || day >= since),
                met.Contains(round.Id) || round.OnTheSpot.MetAt is not null));
        }

        UnitProgress Figures(Organisation unit, Func<Guid, bool> includes)
        {
            var own = facts.Where(f => includes(f.Enterprise.OrganisationId)).ToList();
            var mine = enterprises.Values.Where(e => includes(e.OrganisationId)).ToList();
            // The latest round of each enterprise, as EnterpriseListQuery picks it.
            var latest = own.GroupBy(f => f.Enterprise.Id).Select(g => g.MaxBy(f => (f.Round.CreatedAt, f.Round.Id))!).ToList();
            int Count(RoundStage stage) => latest.Count(f => f.Stage == stage);
            var effective = own.Where(f => f.Stage == RoundStage.Effective).ToList();
            var covered = effective.Select(f => f.Enterprise).DistinctBy(e => e.Id).ToList();
            var rises = effective.SelectMany(f => wageRises[f.Round.Id]).Order().ToList();
            var counted = own.Where(f => f.SinceCampaign).ToList();
            return new UnitProgress(unit.Id, unit.Name, unit.Kind, mine.Count, mine.Sum(e => e.Employees),
                new StageCounts(Count(RoundStage.Started), Count(RoundStage.Offered), Count(RoundStage.Replied), Count(RoundStage.Bargaining),
                    Count(RoundStage.Signed), Count(RoundStage.Filed), Count(RoundStage.Effective), Count(RoundStage.Closed),
                    Count(RoundStage.Rescinded), Count(RoundStage.Terminated), Count(RoundStage.Expired)),
                [.. own.Where(f => f.Overdue is not null).Select(f => f.Overdue!).OrderByDescending(o => o.DaysLate).ThenBy(o => o.Enterprise, StringComparer.Ordinal)],
                own.Count(f => f.Overdue is not null),
                covered.Count, covered.Sum(e => e.Employees),
                rises.Count == 0 ? null : Math.Round(rises.Average(), 2),
                rises.Count == 0 ? null : Math.Round(ProgressFigures.Median(rises), 2),
                Enterprises(f => true),
                Enterprises(f => f.Stage.IsSigned()),
                new Funnel(Enterprises(f => true),
                    Enterprises(f => f.Round.Response.GivenAt is not null || f.Stage is RoundStage.Replied or RoundStage.Bargaining || f.Stage.IsSigned()),
                    Enterprises(f => f.Stage is RoundStage.Bargaining || f.Stage.IsSigned() || (f.Stage == RoundStage.Closed && f.Met)),
                    Enterprises(f => f.Stage.IsSigned()),
                    Enterprises(f => f.Stage is RoundStage.Filed || f.Stage.TookEffect()),
                    Enterprises(f => f.Stage.TookEffect())));
            int Enterprises(Func<Fact, bool> reached) => counted.Where(reached).Select(f => f.Enterprise.Id).Distinct().Count();
        }

        return ([.. units.Select(unit => Figures(unit, id => id == unit.Id))],
            total is { } t ? Figures(t.As, t.Units.Contains) : null);
    }
}
