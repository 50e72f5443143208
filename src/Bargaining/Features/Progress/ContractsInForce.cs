using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Jurisdictions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Progress;

/// <summary>
/// How many contracts are in force on <see cref="On"/> (today by default, in the default jurisdiction) (在有效期内的集体合同): contracts that took effect, whose term
/// covers the day and that were not rescinded or terminated before it (Art 38–41); a contract changed (Art 39–41)
/// counts once, as its latest version. For the city and each county-level
/// union and city-direct unit, or for one unit (<see cref="OrganisationId"/>), authorised as its progress is.
/// Counted from the round summaries' <see cref="RoundProgress.InForceFrom"/> and <see cref="RoundProgress.InForceUntil"/>.
/// </summary>
public sealed record ContractsInForceQuery(DateOnly? On = null, Guid? OrganisationId = null) : IQuery<ContractsInForce>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => OrganisationId is { } unit
        ? new CountyProgressQuery(unit).AuthoriseAsync(user, db, ct)
        : user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看全市在有效期内的集体合同");
}

/// <summary>The contracts in force on <paramref name="On"/>: in all the units given, and per unit (each unit once, zero included).</summary>
public sealed record ContractsInForce(DateOnly On, int Contracts, int Enterprises, IReadOnlyList<UnitContractsInForce> Units);

/// <summary>One unit's contracts in force, and the enterprises they cover.</summary>
public sealed record UnitContractsInForce(Guid OrganisationId, string Unit, int Contracts, int Enterprises);

/// <summary>
/// Handles <see cref="ContractsInForceQuery"/>: one grouped count over the in-force index, kept per day and units'
/// stamps in <see cref="ProgressCache"/> (a summary's term or end moves its unit's stamp).
/// </summary>
public sealed class ContractsInForceHandler(BargainingDbContext db, JurisdictionCatalog jurisdictions, TimeProvider clock, ProgressCache cache)
    : IRequestHandler<ContractsInForceQuery, ContractsInForce>
{
    public async Task<ContractsInForce> Handle(ContractsInForceQuery request, CancellationToken cancellationToken)
    {
        var units = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind != OrganisationKind.City && (request.OrganisationId == null || o.Id == request.OrganisationId))
            .OrderBy(o => o.Kind).ThenBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (request.OrganisationId is not null && units.Count == 0) throw DomainException.NotFound("该县级总工会或市直单位");
        var on = request.On ?? jurisdictions.Default.Time.LocalDate(clock.GetUtcNow());
        return await cache.GetOrComputeAsync(db, [.. units.Select(u => u.Id)], $"{on.DayNumber}|{string.Join(",", units.Select(u => u.Name))}",
            async () =>
            {
                var rows = await CountAsync([.. units.Select(u => (u.Id, u.Name))], on, request.OrganisationId, cancellationToken);
                return new ContractsInForce(on, rows.Sum(r => r.Contracts), rows.Sum(r => r.Enterprises), rows);
            }, cancellationToken);
    }

    private async Task<IReadOnlyList<UnitContractsInForce>> CountAsync(IReadOnlyList<(Guid Id, string Name)> units, DateOnly on, Guid? organisationId, CancellationToken cancellationToken)
    {
        var inForce = db.RoundProgress.AsNoTracking().Where(p => p.InForceFrom <= on && p.InForceUntil >= on);
        if (organisationId is { } id) inForce = inForce.Where(p => p.OrganisationId == id);
        var counts = await inForce.GroupBy(p => p.OrganisationId)
            .Select(g => new { Unit = g.Key, Contracts = g.Count(), Enterprises = g.Select(p => p.EnterpriseId).Distinct().Count() })
            .ToDictionaryAsync(c => c.Unit, cancellationToken);
        // A version a change replaced is not a second contract: the change that took effect (it carries the term) counts
        // instead. Read from the few changes, not per contract in force.
        var replaced = await (
                from change in db.Rounds.AsNoTracking()
                where change.Change.AmendsRoundId != null
                join effective in db.RoundProgress on change.Id equals effective.RoundId
                where effective.InForceFrom != null
                join amended in inForce on change.Change.AmendsRoundId equals (Guid?)amended.RoundId
                group amended by amended.OrganisationId into g
                select new { Unit = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Unit, r => r.Count, cancellationToken);
        return [.. units.Select(u => counts.TryGetValue(u.Id, out var c)
            ? new UnitContractsInForce(u.Id, u.Name, c.Contracts - replaced.GetValueOrDefault(u.Id), c.Enterprises)
            : new UnitContractsInForce(u.Id, u.Name, 0, 0))];
    }
}
