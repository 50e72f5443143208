using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// The county's notice of unmet obligations: its contracts whose obligations a check found not met or partly met,
/// with each such obligation (read by the index on <c>Unmet, OrganisationId</c>). County staff and instructors of the
/// unit, and the city union, may read it.
/// </summary>
public sealed record UnmetContractsQuery(Guid OrganisationId) : IQuery<IReadOnlyList<UnmetContract>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator || (user.Role is Role.CountyStaff or Role.Instructor && user.OrganisationId == OrganisationId)
            ? Task.CompletedTask
            : throw DomainException.Forbidden("只有本县级工会工作人员、集体协商指导员或市总工会可以查看未履行的合同");
}

/// <summary>A contract with unmet obligations: the enterprise and each unmet obligation with its last check.</summary>
public sealed record UnmetContract(Guid RoundId, string Enterprise, IReadOnlyList<UnmetObligation> Obligations);

/// <summary>An unmet obligation.</summary>
public sealed record UnmetObligation(Guid Id, string Title, DateOnly DueOn, CheckOutcome Outcome, DateOnly CheckedOn);

/// <summary>Handles <see cref="UnmetContractsQuery"/>.</summary>
public sealed class UnmetContractsHandler(BargainingDbContext db) : IRequestHandler<UnmetContractsQuery, IReadOnlyList<UnmetContract>>
{
    public async Task<IReadOnlyList<UnmetContract>> Handle(UnmetContractsQuery request, CancellationToken cancellationToken)
    {
        var rows = await (from o in db.Set<Obligation>().AsNoTracking()
                          where o.Unmet && o.OrganisationId == request.OrganisationId
                          join r in db.Rounds on o.RoundId equals r.Id
                          join e in db.Enterprises on r.EnterpriseId equals e.Id
                          select new { o.RoundId, e.Name, o.Id, o.Sequence, o.Title, o.DueOn, o.LastOutcome, o.LastCheckedOn }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.RoundId, r.Name)).OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new UnmetContract(g.Key.RoundId, g.Key.Name,
                [.. g.OrderBy(o => o.DueOn).ThenBy(o => o.Sequence).Select(o => new UnmetObligation(o.Id, o.Title, o.DueOn, o.LastOutcome!.Value, o.LastCheckedOn!.Value))]))];
    }
}

/// <summary>For the city dashboard: how many contracts of each unit have unmet obligations (units with none are left out).</summary>
public sealed record UnmetContractCountsQuery : IQuery<IReadOnlyDictionary<Guid, int>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看各县区的履约情况");
}

/// <summary>A unit and how many of its contracts have unmet obligations.</summary>
public sealed record UnitUnmetCount(Guid OrganisationId, int Contracts);

/// <summary>Handles <see cref="UnmetContractCountsQuery"/>: one grouped count over the index.</summary>
public sealed class UnmetContractCountsHandler(BargainingDbContext db) : IRequestHandler<UnmetContractCountsQuery, IReadOnlyDictionary<Guid, int>>
{
    public async Task<IReadOnlyDictionary<Guid, int>> Handle(UnmetContractCountsQuery request, CancellationToken cancellationToken) =>
        await Counts(db).ToDictionaryAsync(x => x.OrganisationId, x => x.Contracts, cancellationToken);

    /// <summary>The counts as one SQL query, read through the partial index of the unmet obligations.</summary>
    public static IQueryable<UnitUnmetCount> Counts(BargainingDbContext db) =>
        db.Set<Obligation>().Where(o => o.Unmet).GroupBy(o => o.OrganisationId)
            .Select(g => new UnitUnmetCount(g.Key, g.Select(o => o.RoundId).Distinct().Count()));
}
