using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Progress;

/// <summary>
/// A county-level union's (or city-direct unit's) progress: its own staff and the city union may see it; an
/// instructor sees the figures of the enterprises assigned to them, the scope of their lists.
/// </summary>
public sealed record CountyProgressQuery(Guid OrganisationId) : IQuery<UnitProgress>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (user.Role == Role.CityAdministrator) return;
        if (user.Role is Role.CountyStaff or Role.Instructor && user.OrganisationId == OrganisationId) return;
        var name = await db.Organisations.Where(o => o.Id == OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该单位");
        throw DomainException.Forbidden($"您无权查看“{name}”的工作进度：只有本单位工作人员和市总工会可以查看");
    }
}

/// <summary>Handles <see cref="CountyProgressQuery"/>.</summary>
public sealed class CountyProgressHandler(BargainingDbContext db, ProgressFigures figures, ICurrentUserAccessor users) : IRequestHandler<CountyProgressQuery, UnitProgress>
{
    public async Task<UnitProgress> Handle(CountyProgressQuery request, CancellationToken cancellationToken)
    {
        var unit = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganisationId && o.Kind != OrganisationKind.City, cancellationToken)
            ?? throw DomainException.NotFound("该县级总工会或市直单位");
        var user = users.Caller();
        return user.Role == Role.Instructor
            ? await figures.ComputeForInstructorAsync(unit, user.UserId, cancellationToken)
            : (await figures.ComputeAsync([unit], since: null, cancellationToken)).Single();
    }
}
