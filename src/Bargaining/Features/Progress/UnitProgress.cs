using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Progress;

/// <summary>
/// How many enterprises stand at each stage now, each counted once at the stage of its latest round — as the
/// enterprise list filters by stage, so a card and the list it opens give the same number.
/// </summary>
public sealed record StageCounts(int Started, int Offered, int Replied, int Bargaining, int Signed, int Filed, int Effective, int Closed,
    int Rescinded = 0, int Terminated = 0, int Expired = 0);

/// <summary>
/// How far the enterprises whose offer was counted (<see cref="UnitProgress.EnterprisesOffered"/>) got, each enterprise
/// counted once at every step one of its rounds reached, as the reports count enterprises: offers made, replies given
/// (an acceptance or a refusal), at the table (bargaining, or a closed round that had met), signed, filed and effective.
/// </summary>
public sealed record Funnel(int Offers, int Replies, int Bargaining, int Signed, int Filed, int Effective);

/// <summary>A round past a deadline: the step it is stuck at, the last day it missed and how many days late it is.</summary>
public sealed record OverdueRound(Guid RoundId, string Enterprise, string Step, DateOnly LastDay, int DaysLate);

/// <summary>
/// The figures of one county-level union or city-direct unit: enterprises and workers, rounds per stage, the overdue
/// rounds (how many, and the most late first: <see cref="ProgressFigures.OverduePage"/> of them; the rest through
/// <see cref="Rounds.Views.RoundListQuery"/> with <c>OverdueOnly</c>), enterprises and workers covered by effective
/// contracts (覆盖企业数、覆盖职工数), the agreed wage rises, and the enterprises that made an offer and signed (from
/// <c>since</c> when a campaign asks).
/// </summary>
public sealed record UnitProgress(
    Guid OrganisationId,
    string Unit,
    OrganisationKind Kind,
    int Enterprises,
    int Workers,
    StageCounts Stages,
    IReadOnlyList<OverdueRound> Overdue,
    int OverdueCount,
    int EnterprisesCovered,
    int WorkersCovered,
    decimal? AverageWageRise,
    decimal? MedianWageRise,
    int EnterprisesOffered,
    int EnterprisesSigned,
    Funnel Funnel);

/// <summary>
/// Figures already computed, by what they were computed from: the units (names included), the counting day, the total,
/// every jurisdiction's today and the units' <see cref="UnitProgressStamp"/>s. Figures change only when a stamp moves
/// (in the transaction of the change) or a day begins (overdue counts compare with days), so an entry is exact while
/// its key is current; with several app instances each keeps its own, checked against the same stamps. Holds the
/// dashboard's figures (<see cref="ProgressFigures"/>) and the counts of contracts in force (<see cref="ContractsInForceHandler"/>).
/// </summary>
public sealed class ProgressCache
{
    private const int Capacity = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _figures = new(StringComparer.Ordinal);

    /// <summary>
    /// The figures under <paramref name="key"/> and the current stamps of <paramref name="units"/>, computed by
    /// <paramref name="compute"/> when not yet cached. The stamps are read before the figures: figures newer than their
    /// key are recomputed at the next stamp, never older.
    /// </summary>
    internal async Task<T> GetOrComputeAsync<T>(BargainingDbContext db, IReadOnlyCollection<Guid> units, string key, Func<Task<T>> compute, CancellationToken ct)
    {
        var stamps = await db.UnitProgressStamps.AsNoTracking().Where(s => units.Contains(s.OrganisationId)).ToDictionaryAsync(s => s.OrganisationId, s => s.Stamp, ct);
        key = $"{typeof(T).Name}|{key}|{string.Join(",", units.Select(u => $"{u}:{stamps.GetValueOrDefault(u)}"))}";
        if (_figures.TryGetValue(key, out var cached)) return (T)cached;
        var figures = await compute();
        // Keys of past stamps and days are never asked again: forget them all now and then.
        if (_figures.Count >= Capacity) _figures.Clear();
        _figures[key] = figures!;
        return figures;
    }

    /// <summary>Forgets every entry (a benchmark measuring the computation itself).</summary>
    public void Clear() => _figures.Clear();
}

/// <summary>
/// Computes <see cref="UnitProgress"/>; shared by the county and the city queries so both count alike. The database
/// counts from <see cref="RoundProgress"/> (one grouped query per figure, from its indexes); only the first page of
/// overdue rounds is read as rows. A unit's figures are computed once per <see cref="UnitProgressStamp"/> and day
/// (<see cref="ProgressCache"/>); an instructor's, which depend on assignments, every time.
/// </summary>
public sealed class ProgressFigures(BargainingDbContext db, RoundWorkflow workflow, JurisdictionCatalog jurisdictions, ProgressCache cache)
{
    /// <summary>Overdue rounds listed with each unit's figures.</summary>
    public const int OverduePage = 20;

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

    private sealed record Counts(Guid Unit, int Count, int Workers);

    private sealed record StageCount(Guid Unit, RoundStage Stage, int Count);

    private sealed record RiseCount(Guid Unit, string Rises, int Count);

    private sealed record Reached(Guid Unit, int Offers, int Replies, int Bargaining, int Signed, int Filed, int Effective);

    private async Task<(IReadOnlyList<UnitProgress> Units, UnitProgress? Total)> ComputeAsync(IReadOnlyList<Organisation> units, DateOnly? since,
        (Organisation As, IReadOnlySet<Guid> Units)? total, CancellationToken ct, string? instructorUserId)
    {
        if (instructorUserId is not null) return await CountAsync(units, since, total, ct, instructorUserId);
        var key = string.Join("|",
            string.Join(",", units.Select(u => $"{u.Name}:{u.Kind}")),
            since?.DayNumber,
            total is { } t ? $"{t.As.Id}:{t.As.Name}:{string.Join(",", t.Units.Order())}" : "",
            string.Join(",", jurisdictions.TimeRules.Values.Select(j => j.LocalDate(workflow.Now).DayNumber)));
        return await cache.GetOrComputeAsync(db, [.. units.Select(u => u.Id)], key, () => CountAsync(units, since, total, ct, instructorUserId: null), ct);
    }

    private async Task<(IReadOnlyList<UnitProgress> Units, UnitProgress? Total)> CountAsync(IReadOnlyList<Organisation> units, DateOnly? since,
        (Organisation As, IReadOnlySet<Guid> Units)? total, CancellationToken ct, string? instructorUserId)
    {
        var unitIds = units.Select(u => u.Id).ToList();
        var now = workflow.Now.ToUniversalTime();
        var enterprises = db.Enterprises.AsNoTracking().Where(e => unitIds.Contains(e.OrganisationId));
        var rounds = db.RoundProgress.AsNoTracking().Where(p => unitIds.Contains(p.OrganisationId));
        if (instructorUserId is not null)
        {
            enterprises = enterprises.Where(e => db.InstructorAssignments.Any(a => a.EnterpriseId == e.Id && a.EndedAt == null && a.InstructorUserId == instructorUserId));
            rounds = rounds.Where(p => db.InstructorAssignments.Any(a => a.EnterpriseId == p.EnterpriseId && a.EndedAt == null && a.InstructorUserId == instructorUserId));
        }
        var people = await enterprises.GroupBy(e => e.OrganisationId)
            .Select(g => new Counts(g.Key, g.Count(), g.Sum(e => e.Employees))).ToListAsync(ct);
        // An enterprise's rounds are those of its unit: probed by enterprise, not filtered by unit again (a plan that scans).
        var covered = await enterprises.Where(e => db.RoundProgress.Any(p => p.EnterpriseId == e.Id && p.Stage == RoundStage.Effective)).GroupBy(e => e.OrganisationId)
            .Select(g => new Counts(g.Key, g.Count(), g.Sum(e => e.Employees))).ToListAsync(ct);
        // The latest round of each enterprise, as EnterpriseListQuery picks it.
        var stages = await rounds.Where(p => p.Latest).GroupBy(p => new { p.OrganisationId, p.Stage })
            .Select(g => new StageCount(g.Key.OrganisationId, g.Key.Stage, g.Count())).ToListAsync(ct);
        var overdue = await rounds.Where(p => p.OverdueFrom <= now).GroupBy(p => p.OrganisationId)
            .Select(g => new Counts(g.Key, g.Count(), 0)).ToListAsync(ct);
        var rises = await rounds.Where(p => p.Stage == RoundStage.Effective && p.WageRises != null).GroupBy(p => new { p.OrganisationId, p.WageRises })
            .Select(g => new RiseCount(g.Key.OrganisationId, g.Key.WageRises!, g.Count())).ToListAsync(ct);
        var counted = rounds.Where(p => p.OfferedOn != null);
        if (since is { } from) counted = counted.Where(p => p.OfferedOn >= from);
        // Each enterprise once at every step one of its counted rounds reached, as the reports count enterprises.
        var reached = await counted.GroupBy(p => p.OrganisationId).Select(g => new Reached(g.Key,
                g.Select(p => p.EnterpriseId).Distinct().Count(),
                g.Where(p => p.Replied || p.Stage == RoundStage.Replied || p.Stage == RoundStage.Bargaining
                        || p.Stage == RoundStage.Signed || p.Stage == RoundStage.Filed || p.Stage == RoundStage.Effective || RoundStages.Ended.Contains(p.Stage))
                    .Select(p => p.EnterpriseId).Distinct().Count(),
                g.Where(p => p.Stage == RoundStage.Bargaining || p.Stage == RoundStage.Signed || p.Stage == RoundStage.Filed || p.Stage == RoundStage.Effective
                        || RoundStages.Ended.Contains(p.Stage) || (p.Stage == RoundStage.Closed && p.Met))
                    .Select(p => p.EnterpriseId).Distinct().Count(),
                g.Where(p => p.Stage == RoundStage.Signed || p.Stage == RoundStage.Filed || p.Stage == RoundStage.Effective || RoundStages.Ended.Contains(p.Stage)).Select(p => p.EnterpriseId).Distinct().Count(),
                g.Where(p => p.Stage == RoundStage.Filed || p.Stage == RoundStage.Effective || RoundStages.Ended.Contains(p.Stage)).Select(p => p.EnterpriseId).Distinct().Count(),
                g.Where(p => p.Stage == RoundStage.Effective || RoundStages.Ended.Contains(p.Stage)).Select(p => p.EnterpriseId).Distinct().Count()))
            .ToListAsync(ct);

        async Task<UnitProgress> FiguresAsync(Organisation unit, Func<Guid, bool> includes)
        {
            int Count(RoundStage stage) => stages.Where(s => includes(s.Unit) && s.Stage == stage).Sum(s => s.Count);
            var mine = people.Where(c => includes(c.Unit)).ToList();
            var effective = covered.Where(c => includes(c.Unit)).ToList();
            var all = rises.Where(r => includes(r.Unit)).SelectMany(r => Enumerable.Repeat(RoundProgress.Rises(r.Rises), r.Count).SelectMany(x => x)).Order().ToList();
            var r = reached.Where(x => includes(x.Unit)).ToList();
            int Sum(Func<Reached, int> step) => r.Sum(step);
            var overdueCount = overdue.Where(c => includes(c.Unit)).Sum(c => c.Count);
            var inUnits = unitIds.Where(includes).ToList();
            return new UnitProgress(unit.Id, unit.Name, unit.Kind, mine.Sum(c => c.Count), mine.Sum(c => c.Workers),
                new StageCounts(Count(RoundStage.Started), Count(RoundStage.Offered), Count(RoundStage.Replied), Count(RoundStage.Bargaining),
                    Count(RoundStage.Signed), Count(RoundStage.Filed), Count(RoundStage.Effective), Count(RoundStage.Closed),
                    Count(RoundStage.Rescinded), Count(RoundStage.Terminated), Count(RoundStage.Expired)),
                overdueCount == 0 ? [] : await OverdueAsync(rounds.Where(p => inUnits.Contains(p.OrganisationId)), now, ct),
                overdueCount,
                effective.Sum(c => c.Count), effective.Sum(c => c.Workers),
                all.Count == 0 ? null : Math.Round(all.Average(), 2),
                all.Count == 0 ? null : Math.Round(Median(all), 2),
                Sum(x => x.Offers),
                Sum(x => x.Signed),
                new Funnel(Sum(x => x.Offers), Sum(x => x.Replies), Sum(x => x.Bargaining), Sum(x => x.Signed), Sum(x => x.Filed), Sum(x => x.Effective)));
        }

        var figures = new List<UnitProgress>();
        foreach (var unit in units) figures.Add(await FiguresAsync(unit, id => id == unit.Id));
        return (figures, total is { } t ? await FiguresAsync(t.As, t.Units.Contains) : null);
    }

    /// <summary>The first <see cref="OverduePage"/> overdue rounds of <paramref name="rounds"/>, the most days late first, then by enterprise.</summary>
    private async Task<IReadOnlyList<OverdueRound>> OverdueAsync(IQueryable<RoundProgress> rounds, DateTimeOffset now, CancellationToken ct)
    {
        var page = await (from p in rounds
                          where p.OverdueFrom <= now
                          join r in db.Rounds on p.RoundId equals r.Id
                          join e in db.Enterprises on p.EnterpriseId equals e.Id
                          orderby p.OverdueFrom, e.Name, p.RoundId
                          select new { p.RoundId, e.Name, p.OverdueStep, p.OverdueLastDay, r.Jurisdiction }).Take(OverduePage).ToListAsync(ct);
        return [.. page.Select(o => new OverdueRound(o.RoundId, o.Name, o.OverdueStep!, o.OverdueLastDay!.Value,
            jurisdictions[o.Jurisdiction].Time.LocalDate(now).DayNumber - o.OverdueLastDay.Value.DayNumber))];
    }

    /// <summary>The middle value of a sorted list; the mean of the two middle values for an even count.</summary>
    public static decimal Median(IReadOnlyList<decimal> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
